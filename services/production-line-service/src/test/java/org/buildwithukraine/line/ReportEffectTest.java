package org.buildwithukraine.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.events.line.DowntimeReason.BREAKDOWN;
import static org.buildwithukraine.events.line.DowntimeReason.POWER;
import static org.buildwithukraine.events.line.LineState.DOWN;
import static org.buildwithukraine.events.line.LineState.IDLE;
import static org.buildwithukraine.events.line.LineState.RUNNING;
import static org.buildwithukraine.line.ReportEffect.LATE;
import static org.buildwithukraine.line.ReportEffect.STATE_CHANGED;
import static org.buildwithukraine.line.ReportEffect.STATE_CONFIRMED;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReportEffectTest {

    private static final Instant LATEST = Instant.parse("2025-03-10T10:00:00Z");

    @Test
    void theFirstReportOfALineSetsItsState() {
        assertThat(ReportEffect.of(null, IDLE, null, LATEST, RUNNING, null)).isEqualTo(STATE_CHANGED);
        assertThat(ReportEffect.of(null, IDLE, null, LATEST, IDLE, null)).isEqualTo(STATE_CONFIRMED);
    }

    @Test
    void aNewerReportChangesOrConfirmsTheState() {
        Instant later = LATEST.plusSeconds(60);
        assertThat(ReportEffect.of(LATEST, RUNNING, null, later, DOWN, BREAKDOWN)).isEqualTo(STATE_CHANGED);
        assertThat(ReportEffect.of(LATEST, RUNNING, null, later, RUNNING, null)).isEqualTo(STATE_CONFIRMED);
        assertThat(ReportEffect.of(LATEST, DOWN, BREAKDOWN, later, DOWN, BREAKDOWN)).isEqualTo(STATE_CONFIRMED);
        // why a line is down is part of its state: routing explains its decisions with it
        assertThat(ReportEffect.of(LATEST, DOWN, BREAKDOWN, later, DOWN, POWER)).isEqualTo(STATE_CHANGED);
    }

    @Test
    void aReportAsOldAsTheLatestStillCounts() {
        assertThat(ReportEffect.of(LATEST, RUNNING, null, LATEST, IDLE, null)).isEqualTo(STATE_CHANGED);
    }

    @Test
    void anOlderReportIsLateWhateverItSays() {
        Instant earlier = LATEST.minusMillis(1);
        assertThat(ReportEffect.of(LATEST, RUNNING, null, earlier, DOWN, BREAKDOWN)).isEqualTo(LATE);
        assertThat(ReportEffect.of(LATEST, RUNNING, null, earlier, RUNNING, null)).isEqualTo(LATE);
        assertThat(LATE.updatesCurrentState()).isFalse();
    }
}
