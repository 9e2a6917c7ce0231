package org.buildwithukraine.line.rest;

import java.time.Instant;

import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.line.Allocation;
import org.buildwithukraine.line.AllocationStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Work placed on a line and how far it is.
 *
 * @param planned   units allocated
 * @param produced  good units counted towards it
 * @param remaining still to produce; 0 once cancelled, since nothing more is counted towards it
 */
public record AllocationResponse(String allocationId, String orderId, String factoryId,
        @Schema(nullable = true) String licenceId, String technologyCode, CustomerClass customerClass, long planned,
        long produced, long remaining, AllocationStatus status, @Schema(nullable = true) Instant plannedStart,
        @Schema(nullable = true) Instant plannedFinish, Instant allocatedAt,
        @Schema(nullable = true, description = "Why it was cancelled; null unless it was") String cancelReason,
        @Schema(nullable = true) Instant cancelledAt) {

    static AllocationResponse of(Allocation a) {
        return new AllocationResponse(a.id(), a.orderId(), a.factoryId(), a.licenceId(), a.technologyCode(),
                a.customerClass(), a.quantity(), a.produced(), a.remaining(), a.status(), a.plannedStart(),
                a.plannedFinish(), a.allocatedAt(), a.cancelReason(), a.cancelledAt());
    }
}
