package org.buildwithukraine.routing.engine;

/**
 * One line considered for an order, and why it was chosen or passed over.
 *
 * @param licenceId   licence the line would build under; null if it has none usable
 * @param quantity    units placed on it; 0 unless chosen
 * @param explanation in words an export-control officer understands
 */
public record CandidateLine(String lineId, String factoryId, String licenceId, Verdict verdict, long quantity,
        String explanation) {
}
