package org.buildwithukraine.routing.engine;

import java.time.Instant;

import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;

/**
 * A production line as the router sees it.
 *
 * @param stateSince when the line entered its current state; null if unknown
 */
public record Line(String id, String factoryId, String technologyCode, int capacityPerDay, LineState state,
        DowntimeReason downtimeReason, Instant stateSince) {

    public boolean isProducing() {
        return state == LineState.RUNNING || state == LineState.IDLE;
    }
}
