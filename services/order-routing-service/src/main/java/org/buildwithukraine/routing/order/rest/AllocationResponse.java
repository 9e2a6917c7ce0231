package org.buildwithukraine.routing.order.rest;

import java.time.Instant;

import org.buildwithukraine.routing.order.AllocationStatus;
import org.buildwithukraine.routing.order.OrderAllocation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AllocationResponse(String id, String lineId, String factoryId, String licenceId, long quantity,
        long produced, Instant plannedStart, Instant plannedFinish, AllocationStatus status,
        @Schema(nullable = true, description = "Why it was cancelled; null unless it was") String cancelReason) {

    static AllocationResponse of(OrderAllocation a) {
        return new AllocationResponse(a.id(), a.lineId(), a.factoryId(), a.licenceId(), a.quantity(),
                a.produced(), a.plannedStart(), a.plannedFinish(), a.status(), a.cancelReason());
    }
}
