package org.buildwithukraine.line.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.line.StatusReport;

public record NewReport(String reportId, Instant observedAt, LineState state, DowntimeReason reason,
        long goodUnits, long scrapUnits) {

    /** Whether this is {@code taken} sent again, observed at the same instant (as stored, to the microsecond). */
    public boolean isRetryOf(StatusReport taken) {
        return reportId.equals(taken.reportId) && observedAt.truncatedTo(ChronoUnit.MICROS).equals(taken.observedAt)
                && state == taken.state && reason == taken.downtimeReason && goodUnits == taken.goodUnits
                && scrapUnits == taken.scrapUnits;
    }
}
