package org.buildwithukraine.routing.order;

import java.time.Instant;

import org.buildwithukraine.routing.engine.Allocation;

/** An allocation a routing decision placed, as the decision record keeps it. */
public record PlacedPart(String allocationId, String lineId, String factoryId, String licenceId, long quantity,
        Instant plannedStart, Instant plannedFinish) {

    public static PlacedPart of(Allocation allocation) {
        return new PlacedPart(allocation.id(), allocation.lineId(), allocation.factoryId(), allocation.licenceId(),
                allocation.quantity(), allocation.plannedStart(), allocation.plannedFinish());
    }
}
