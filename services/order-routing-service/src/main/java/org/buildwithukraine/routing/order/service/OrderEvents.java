package org.buildwithukraine.routing.order.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.order.AllocationCancelled;
import org.buildwithukraine.events.order.AllocationEventTypes;
import org.buildwithukraine.events.order.OrderEventTypes;
import org.buildwithukraine.kit.outbox.Outbox;
import org.buildwithukraine.routing.order.CustomerOrder;
import org.buildwithukraine.routing.order.OrderAllocation;

/**
 * Writes order and allocation events to the outbox, in the transaction of the change: allocations keyed by line
 * (the production-line service of the line's region picks them up), orders keyed by order.
 */
@ApplicationScoped
public class OrderEvents {

    private final Outbox outbox;

    public OrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void order(String eventType, CustomerOrder order, String actor) {
        outbox.record(Topics.ORDER_EVENTS, order.id(), eventType, OrderEventTypes.SCHEMA_VERSION, actor,
                order.snapshot());
    }

    public void allocationCreated(OrderAllocation allocation, String actor) {
        outbox.record(Topics.ORDER_ALLOCATIONS, allocation.lineId(), AllocationEventTypes.CREATED,
                AllocationEventTypes.SCHEMA_VERSION, actor, allocation.created());
    }

    /** After {@link OrderAllocation#cancel}: the event carries the reason it was cancelled for. */
    public void allocationCancelled(OrderAllocation allocation, String actor) {
        outbox.record(Topics.ORDER_ALLOCATIONS, allocation.lineId(), AllocationEventTypes.CANCELLED,
                AllocationEventTypes.SCHEMA_VERSION, actor, new AllocationCancelled(allocation.id(),
                        allocation.orderId(), allocation.lineId(), allocation.cancelReason()));
    }
}
