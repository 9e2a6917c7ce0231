package org.buildwithukraine.line.rest;

import java.time.Instant;

import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.line.Allocation;
import org.buildwithukraine.line.AllocationStatus;

/**
 * Work placed on a line and how far it is.
 *
 * @param planned   units allocated
 * @param produced  good units counted towards it
 * @param remaining still to produce; 0 once cancelled, since nothing more is counted towards it
 */
public record AllocationResponse(String allocationId, String orderId, String factoryId, String licenceId,
        String technologyCode, CustomerClass customerClass, long planned, long produced, long remaining,
        AllocationStatus status, Instant plannedStart, Instant plannedFinish, Instant allocatedAt,
        String cancelReason, Instant cancelledAt) {

    static AllocationResponse of(Allocation a) {
        return new AllocationResponse(a.id(), a.orderId(), a.factoryId(), a.licenceId(), a.technologyCode(),
                a.customerClass(), a.quantity(), a.produced(), a.remaining(), a.status(), a.plannedStart(),
                a.plannedFinish(), a.allocatedAt(), a.cancelReason(), a.cancelledAt());
    }
}
