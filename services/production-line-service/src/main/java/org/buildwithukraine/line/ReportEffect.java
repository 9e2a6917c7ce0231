package org.buildwithukraine.line;

import java.time.Instant;
import java.util.Objects;

import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;

/** What a status report does to its line's current state. */
public enum ReportEffect {

    /** Not older than the line's latest report, and the state (or the reason for being DOWN) differs. */
    STATE_CHANGED,
    /** Not older than the latest report, same state: the line's latest report moves on, nothing else. */
    STATE_CONFIRMED,
    /** Older than the line's latest report (it arrived late): kept in history, the current state stays. */
    LATE;

    /**
     * @param latestObservedAt observedAt of the line's newest report so far; null before its first report
     */
    public static ReportEffect of(Instant latestObservedAt, LineState currentState, DowntimeReason currentReason,
            Instant observedAt, LineState reportedState, DowntimeReason reportedReason) {
        if (latestObservedAt != null && observedAt.isBefore(latestObservedAt)) {
            return LATE;
        }
        boolean same = currentState == reportedState && Objects.equals(currentReason, reportedReason);
        return same ? STATE_CONFIRMED : STATE_CHANGED;
    }

    public boolean updatesCurrentState() {
        return this != LATE;
    }
}
