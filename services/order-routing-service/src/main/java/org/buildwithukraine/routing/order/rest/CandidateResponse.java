package org.buildwithukraine.routing.order.rest;

/**
 * A line considered for the order and why it was chosen or passed over.
 *
 * @param verdict CHOSEN, NOT_NEEDED, NO_CAPACITY, NO_QUOTA or INELIGIBLE
 */
public record CandidateResponse(String lineId, String factoryId, String licenceId, String verdict, long quantity,
        String explanation) {
}
