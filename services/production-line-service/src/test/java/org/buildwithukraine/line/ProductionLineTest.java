package org.buildwithukraine.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;
import org.junit.jupiter.api.Test;

class ProductionLineTest {

    private static final Instant REGISTERED = Instant.parse("2026-03-02T06:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-03-02T12:00:00Z");

    private static ProductionLine line() {
        return ProductionLine.register("line-1", new LineDefinition("f-1", "FPV-7", 240), REGISTERED);
    }

    private static StatusReport report(String lineId, String reportId, Instant observedAt, LineState state,
            DowntimeReason reason) {
        StatusReport report = new StatusReport();
        report.lineId = lineId;
        report.reportId = reportId;
        report.observedAt = observedAt;
        report.state = state;
        report.downtimeReason = reason;
        return report;
    }

    @Test
    void aNewLineIsIdleSinceItsRegistration() {
        ProductionLine line = line();

        assertThat(line.state()).isEqualTo(LineState.IDLE);
        assertThat(line.stateSince()).isEqualTo(REGISTERED);
        assertThat(line.lastReportId()).isNull();
    }

    @Test
    void aReportOfAnotherStateMovesTheLine() {
        ProductionLine line = line();
        Instant observed = REGISTERED.plusSeconds(600);

        ReportEffect effect = line.accept(report("line-1", "r-1", observed, LineState.DOWN, DowntimeReason.BREAKDOWN),
                RECEIVED);

        assertThat(effect).isEqualTo(ReportEffect.STATE_CHANGED);
        assertThat(line.state()).isEqualTo(LineState.DOWN);
        assertThat(line.downtimeReason()).isEqualTo(DowntimeReason.BREAKDOWN);
        assertThat(line.stateSince()).isEqualTo(observed);
        assertThat(line.lastReportId()).isEqualTo("r-1");
        assertThat(line.lastObservedAt()).isEqualTo(observed);
        assertThat(line.updatedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void aReportOfTheSameStateMovesOnlyTheLatestReport() {
        ProductionLine line = line();
        Instant first = REGISTERED.plusSeconds(600);
        line.accept(report("line-1", "r-1", first, LineState.RUNNING, null), RECEIVED);

        ReportEffect effect = line.accept(report("line-1", "r-2", first.plusSeconds(60), LineState.RUNNING, null),
                RECEIVED.plusSeconds(60));

        assertThat(effect).isEqualTo(ReportEffect.STATE_CONFIRMED);
        assertThat(line.stateSince()).isEqualTo(first);
        assertThat(line.lastReportId()).isEqualTo("r-2");
        assertThat(line.updatedAt()).isEqualTo(RECEIVED.plusSeconds(60));
    }

    @Test
    void aLateReportLeavesTheLineAlone() {
        ProductionLine line = line();
        Instant newest = REGISTERED.plusSeconds(600);
        line.accept(report("line-1", "r-2", newest, LineState.RUNNING, null), RECEIVED);

        ReportEffect effect = line.accept(report("line-1", "r-1", newest.minusSeconds(60), LineState.DOWN,
                DowntimeReason.BREAKDOWN), RECEIVED.plusSeconds(60));

        assertThat(effect).isEqualTo(ReportEffect.LATE);
        assertThat(line.state()).isEqualTo(LineState.RUNNING);
        assertThat(line.lastReportId()).isEqualTo("r-2");
        assertThat(line.updatedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void anotherLinesReportIsRefused() {
        ProductionLine line = line();

        assertThatThrownBy(() -> line.accept(report("line-2", "r-1", RECEIVED, LineState.DOWN, null), RECEIVED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(line.state()).isEqualTo(LineState.IDLE);
    }
}
