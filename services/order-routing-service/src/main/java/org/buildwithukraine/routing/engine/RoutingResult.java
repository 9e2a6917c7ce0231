package org.buildwithukraine.routing.engine;

import java.util.List;

/**
 * Everything one routing pass changed. Decisions are listed for every order received in the pass and every order
 * whose allocations changed, in the order the pass handled them (highest priority first).
 */
public record RoutingResult(List<Allocation> created, List<Withdrawal> withdrawn, List<Reschedule> rescheduled,
        List<OrderDecision> decisions) {

    public OrderDecision decisionFor(String orderId) {
        return decisions.stream().filter(d -> d.orderId().equals(orderId)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("No decision for order " + orderId));
    }
}
