package org.buildwithukraine.routing.engine;

/**
 * One line considered for an order, and why it was chosen or passed over.
 *
 * @param licenceId   the first licence the line draws on (the soonest-ending usable one); null if it has none
 *                    usable. The explanation names every licence a chosen line draws on.
 * @param quantity    units placed on it; 0 unless chosen
 * @param explanation in words an export-control officer understands
 */
public record CandidateLine(String lineId, String factoryId, String licenceId, Verdict verdict, long quantity,
        String explanation) {
}
