package org.buildwithukraine.routing.order.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A line considered for the order and why it was chosen or passed over.
 *
 * @param verdict CHOSEN, NOT_NEEDED, NO_CAPACITY, NO_QUOTA or INELIGIBLE
 */
public record CandidateResponse(String lineId, String factoryId,
        @Schema(nullable = true, description = "null where the line has no usable licence") String licenceId,
        String verdict, long quantity, String explanation) {
}
