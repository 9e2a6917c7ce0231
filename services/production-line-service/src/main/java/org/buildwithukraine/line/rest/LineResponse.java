package org.buildwithukraine.line.rest;

import java.time.Instant;

import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.line.ProductionLine;

/** A line now: its state, capacity and latest report. */
public record LineResponse(String lineId, String region, String factoryId, String technologyCode,
        int nominalCapacityPerDay, LineState state, DowntimeReason downtimeReason, Instant stateSince,
        String lastReportId, Instant lastReportObservedAt, Instant registeredAt, Instant updatedAt) {

    static LineResponse of(ProductionLine line, String region) {
        return new LineResponse(line.id(), region, line.factoryId(), line.technologyCode(),
                line.nominalCapacityPerDay(), line.state(), line.downtimeReason(), line.stateSince(),
                line.lastReportId(), line.lastObservedAt(), line.registeredAt(), line.updatedAt());
    }
}
