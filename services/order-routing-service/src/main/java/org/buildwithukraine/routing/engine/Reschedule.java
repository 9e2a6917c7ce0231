package org.buildwithukraine.routing.engine;

import java.time.Instant;

/** New planned times of an existing allocation whose place in its line's queue moved. */
public record Reschedule(String allocationId, Instant plannedStart, Instant plannedFinish) {
}
