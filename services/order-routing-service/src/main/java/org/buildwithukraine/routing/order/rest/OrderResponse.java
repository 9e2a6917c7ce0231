package org.buildwithukraine.routing.order.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.events.order.OrderState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An order with its allocations (active, completed and withdrawn) and its latest routing decision.
 *
 * @param allocatedQuantity units on lines or already built
 * @param unplacedQuantity  units waiting for a line
 */
public record OrderResponse(String id, CustomerClass customerClass, String customer, String technologyCode,
        long quantity, LocalDate neededBy,
        @Schema(nullable = true, description = "null unless an EXPORT order") String destinationCountry,
        @Schema(nullable = true, description = "null unless an EXPORT order") String exportCentreId,
        OrderState state, @Schema(nullable = true) String reason, long allocatedQuantity, long producedQuantity,
        long unplacedQuantity, Instant receivedAt, String receivedBy, List<AllocationResponse> allocations,
        @Schema(nullable = true) DecisionResponse decision) {
}
