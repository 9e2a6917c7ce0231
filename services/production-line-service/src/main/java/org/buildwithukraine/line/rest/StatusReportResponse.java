package org.buildwithukraine.line.rest;

import java.time.Instant;
import java.util.List;

import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.line.StatusReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A report as it was taken in; rebuilt from what was stored, so the answer to a repeated report id is the
 * answer to the first.
 *
 * @param current           false when the report was older than the line's latest: history only
 * @param attributions      good units of this report counted towards allocations, oldest allocation first
 * @param unattributedUnits good units no open allocation needed
 */
public record StatusReportResponse(String lineId, String reportId, Instant observedAt, Instant receivedAt,
        LineState state,
        @Schema(nullable = true, description = "Why the line was DOWN; null otherwise") DowntimeReason reason,
        long goodUnits, long scrapUnits, boolean current,
        String reportedBy, List<Attribution> attributions, long unattributedUnits) {

    public record Attribution(String allocationId, String orderId, long units) {
    }

    static StatusReportResponse of(StatusReport report) {
        return new StatusReportResponse(report.lineId, report.reportId, report.observedAt, report.receivedAt,
                report.state, report.downtimeReason, report.goodUnits, report.scrapUnits, report.current,
                report.reportedBy,
                report.attributions.stream().map(a -> new Attribution(a.allocationId(), a.orderId(), a.units()))
                        .toList(),
                report.unattributedUnits);
    }
}
