package org.buildwithukraine.routing.order.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.events.line.OutputReported.AllocationProgress;
import org.buildwithukraine.events.order.OrderEventTypes;
import org.buildwithukraine.events.order.OrderState;
import org.buildwithukraine.routing.order.AllocationStatus;
import org.buildwithukraine.routing.order.CustomerOrder;
import org.buildwithukraine.routing.order.OrderAllocation;

/**
 * Fulfilment: units a line reports against its allocations move their orders to IN_PRODUCTION and, once every unit
 * is built, to FULFILLED. Progress is cumulative, so a report seen twice changes nothing.
 */
@ApplicationScoped
public class ProductionProgress {

    private final OrderEvents events;
    private final Clock clock;

    public ProductionProgress(OrderEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** The caller holds the lock of the output's technology. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(OutputReported output, String actor) {
        if (output.allocations() == null || output.allocations().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, CustomerOrder> touched = new TreeMap<>();
        for (AllocationProgress progress : output.allocations()) {
            OrderAllocation allocation = OrderAllocation.findById(progress.allocationId());
            if (allocation != null && allocation.recordProduced(progress.produced(), now)) {
                touched.computeIfAbsent(allocation.orderId(), id -> CustomerOrder.findById(id));
            }
        }
        touched.values().forEach(order -> progress(order, now, actor));
    }

    private void progress(CustomerOrder order, Instant now, String actor) {
        Number produced = (Number) CustomerOrder.getEntityManager()
                .createQuery("select coalesce(sum(a.produced), 0) from OrderAllocation a where a.orderId = :order")
                .setParameter("order", order.id()).getSingleResult();
        if (!order.recordProduced(produced.longValue(), now)) {
            return;
        }
        if (order.state() == OrderState.FULFILLED) {
            finishLeftovers(order, now, actor);
            events.order(OrderEventTypes.FULFILLED, order, actor);
        } else if (order.state() == OrderState.IN_PRODUCTION) {
            events.order(OrderEventTypes.IN_PRODUCTION, order, actor);
        }
    }

    /** Work still placed for an order whose every unit is built (more was built elsewhere) is no longer needed. */
    private void finishLeftovers(CustomerOrder order, Instant now, String actor) {
        List<OrderAllocation> leftovers = OrderAllocation.list("orderId = ?1 and status = ?2", order.id(),
                AllocationStatus.ACTIVE);
        for (OrderAllocation leftover : leftovers) {
            leftover.cancel("order fulfilled", now);
            events.allocationCancelled(leftover, actor);
        }
    }
}
