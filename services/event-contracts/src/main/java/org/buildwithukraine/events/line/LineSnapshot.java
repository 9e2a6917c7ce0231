package org.buildwithukraine.events.line;

import java.time.Instant;

/**
 * Payload of {@code LineRegistered} and {@code LineStatusChanged}: the line as it is after the change.
 *
 * @param region         region code of the instance that owns the line, e.g. {@code de}
 * @param downtimeReason set only while the line is DOWN
 * @param stateSince     observedAt of the report that put the line in its current state
 */
public record LineSnapshot(
        String lineId,
        String region,
        String factoryId,
        String technologyCode,
        int nominalCapacityPerDay,
        LineState state,
        DowntimeReason downtimeReason,
        Instant stateSince) {
}
