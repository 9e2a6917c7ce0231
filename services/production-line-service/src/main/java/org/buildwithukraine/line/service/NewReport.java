package org.buildwithukraine.line.service;

import java.time.Instant;

import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;

public record NewReport(String reportId, Instant observedAt, LineState state, DowntimeReason reason,
        long goodUnits, long scrapUnits) {
}
