package org.buildwithukraine.events.order;

import java.time.Instant;

/** Part of an order assigned to one line. */
public record AllocationCreated(
        String allocationId,
        String orderId,
        String lineId,
        String factoryId,
        String licenceId,
        String technologyCode,
        CustomerClass customerClass,
        long quantity,
        Instant plannedStart,
        Instant plannedFinish) {
}
