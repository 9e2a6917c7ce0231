package org.buildwithukraine.routing.order.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.events.order.OrderState;

/**
 * An order with its allocations (active, completed and withdrawn) and its latest routing decision.
 *
 * @param allocatedQuantity units on lines or already built
 * @param unplacedQuantity  units waiting for a line
 */
public record OrderResponse(String id, CustomerClass customerClass, String customer, String technologyCode,
        long quantity, LocalDate neededBy, String destinationCountry, String exportCentreId, OrderState state,
        String reason, long allocatedQuantity, long producedQuantity, long unplacedQuantity, Instant receivedAt,
        String receivedBy, List<AllocationResponse> allocations, DecisionResponse decision) {
}
