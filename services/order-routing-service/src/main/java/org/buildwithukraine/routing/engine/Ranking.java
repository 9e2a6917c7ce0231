package org.buildwithukraine.routing.engine;

import java.util.Comparator;

/**
 * Who goes first: UA_DEFENCE before PARTNER_DEFENCE before EXPORT (enum order), then the earlier needed-by date,
 * then the earlier arrival. The same ranking orders the routing queue and each line's work.
 */
final class Ranking {

    static final Comparator<Order> ORDERS = Comparator.comparing(Order::customerClass)
            .thenComparing(Order::neededBy)
            .thenComparingLong(Order::sequence)
            .thenComparing(Order::id);

    static final Comparator<Allocation> ALLOCATIONS = Comparator.comparing(Allocation::customerClass)
            .thenComparing(Allocation::neededBy)
            .thenComparingLong(Allocation::orderSequence)
            .thenComparing(Allocation::orderId)
            .thenComparing(Allocation::id);

    private Ranking() {
    }

    /** True if the allocation's work comes before new work for the order (its own earlier work included). */
    static boolean goesBefore(Allocation allocation, Order order) {
        int byClass = allocation.customerClass().compareTo(order.customerClass());
        if (byClass != 0) {
            return byClass < 0;
        }
        int byDate = allocation.neededBy().compareTo(order.neededBy());
        if (byDate != 0) {
            return byDate < 0;
        }
        return allocation.orderSequence() <= order.sequence();
    }
}
