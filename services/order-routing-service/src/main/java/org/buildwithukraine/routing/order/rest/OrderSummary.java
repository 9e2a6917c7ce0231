package org.buildwithukraine.routing.order.rest;

import java.time.Instant;
import java.time.LocalDate;

import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.events.order.OrderState;
import org.buildwithukraine.routing.order.CustomerOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order in a list: where it stands, without its allocations and decisions. */
public record OrderSummary(String id, CustomerClass customerClass, String customer, String technologyCode,
        long quantity, LocalDate neededBy,
        @Schema(nullable = true, description = "null unless an EXPORT order") String destinationCountry,
        @Schema(nullable = true, description = "null unless an EXPORT order") String exportCentreId,
        OrderState state, @Schema(nullable = true) String reason, long allocatedQuantity, long producedQuantity,
        long unplacedQuantity, Instant receivedAt) {

    static OrderSummary of(CustomerOrder o) {
        return new OrderSummary(o.id(), o.customerClass(), o.customer(), o.technologyCode(), o.quantity(),
                o.neededBy(), o.destinationCountry(), o.exportCentreId(), o.state(), o.reason(), o.allocated(),
                o.produced(), o.unplaced(), o.receivedAt());
    }
}
