package org.buildwithukraine.routing.order.rest;

import java.time.Instant;
import java.time.LocalDate;

import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.events.order.OrderState;
import org.buildwithukraine.routing.order.CustomerOrder;

/** An order in a list: where it stands, without its allocations and decisions. */
public record OrderSummary(String id, CustomerClass customerClass, String customer, String technologyCode,
        long quantity, LocalDate neededBy, String destinationCountry, String exportCentreId, OrderState state,
        String reason, long allocatedQuantity, long producedQuantity, long unplacedQuantity, Instant receivedAt) {

    static OrderSummary of(CustomerOrder o) {
        return new OrderSummary(o.id(), o.customerClass(), o.customer(), o.technologyCode(), o.quantity(),
                o.neededBy(), o.destinationCountry(), o.exportCentreId(), o.state(), o.reason(), o.allocated(),
                o.produced(), o.unplaced(), o.receivedAt());
    }
}
