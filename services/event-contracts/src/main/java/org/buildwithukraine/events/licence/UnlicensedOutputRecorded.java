package org.buildwithukraine.events.licence;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code UnlicensedOutputRecorded}: good units of one output report that no licence of the factory
 * covered when they were observed (GRANTED then, in date that day, for the technology, permitting PRODUCE, with
 * quota left).
 *
 * @param outputEventId   id of the {@code OutputReported} event the units came with
 * @param goodUnits       all good units of the report
 * @param unlicensedUnits those no licence covered (the rest, if any, were charged to licences)
 * @param reason          why they were not covered
 */
public record UnlicensedOutputRecorded(
        UUID outputEventId,
        String lineId,
        String region,
        String factoryId,
        String technologyCode,
        String reportId,
        Instant observedAt,
        long goodUnits,
        long unlicensedUnits,
        UnlicensedReason reason) {

    public enum UnlicensedReason {
        /** The factory held no licence valid for the technology's production when the units were observed. */
        NO_VALID_LICENCE,
        /** Valid licences there were, but their remaining quota could not take all the units. */
        QUOTA_EXCEEDED
    }
}
