package org.buildwithukraine.line.rest;

import java.time.Instant;

import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.line.ProductionLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line now: its state, capacity and latest report. */
public record LineResponse(String lineId, String region, String factoryId, String technologyCode,
        int nominalCapacityPerDay, LineState state,
        @Schema(nullable = true, description = "Why it is DOWN; null otherwise") DowntimeReason downtimeReason,
        Instant stateSince, @Schema(nullable = true, description = "null until its first report") String lastReportId,
        @Schema(nullable = true) Instant lastReportObservedAt, Instant registeredAt, Instant updatedAt) {

    static LineResponse of(ProductionLine line, String region) {
        return new LineResponse(line.id(), region, line.factoryId(), line.technologyCode(),
                line.nominalCapacityPerDay(), line.state(), line.downtimeReason(), line.stateSince(),
                line.lastReportId(), line.lastObservedAt(), line.registeredAt(), line.updatedAt());
    }
}
