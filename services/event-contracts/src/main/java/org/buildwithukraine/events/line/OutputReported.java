package org.buildwithukraine.events.line;

import java.time.Instant;
import java.util.List;

/**
 * Payload of {@code OutputReported}: units a line produced since its previous report, and how they were
 * attributed to the line's open allocations (oldest first).
 */
public record OutputReported(
        String lineId,
        String region,
        String factoryId,
        String technologyCode,
        String reportId,
        Instant observedAt,
        long goodUnits,
        long scrapUnits,
        List<AllocationProgress> allocations) {

    /**
     * @param unitsAttributed good units of this report counted towards the allocation
     * @param produced        all good units counted towards it so far
     * @param remaining       still to produce
     */
    public record AllocationProgress(String allocationId, String orderId, long unitsAttributed, long produced,
            long remaining) {
    }
}
