package org.buildwithukraine.routing.engine;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * Who goes first: UA_DEFENCE before PARTNER_DEFENCE before EXPORT (enum order), then the earlier needed-by date,
 * then the earlier arrival. The same ranking orders the routing queue and each line's work; within one order's work
 * on a line, the part under the licence that ends soonest goes first, so that it is built while that licence holds.
 */
final class Ranking {

    static final Comparator<Order> ORDERS = Comparator.comparing(Order::customerClass)
            .thenComparing(Order::neededBy)
            .thenComparingLong(Order::sequence)
            .thenComparing(Order::id);

    /** Without the licences' ends: how commitments are kept before a pass knows the network. */
    static final Comparator<Allocation> ALLOCATIONS = Comparator.comparing(Allocation::customerClass)
            .thenComparing(Allocation::neededBy)
            .thenComparingLong(Allocation::orderSequence)
            .thenComparing(Allocation::orderId)
            .thenComparing(Allocation::id);

    /** Soonest-ending first: the order in which a line draws on its factory's licences. */
    static final Comparator<Licence> LICENCES = Comparator.comparing(Licence::validTo).thenComparing(Licence::id);

    private Ranking() {
    }

    /**
     * A line's queue: {@link #ALLOCATIONS}, except that one order's parts follow their licences' ends. A licence the
     * network no longer knows counts as ending first (its work is about to be withdrawn anyway).
     */
    static Comparator<Allocation> queue(Network network) {
        return Comparator.comparing(Allocation::customerClass)
                .thenComparing(Allocation::neededBy)
                .thenComparingLong(Allocation::orderSequence)
                .thenComparing(Allocation::orderId)
                .thenComparing(allocation -> licenceEnd(network, allocation))
                .thenComparing(Allocation::id);
    }

    private static LocalDate licenceEnd(Network network, Allocation allocation) {
        Licence licence = network.licence(allocation.licenceId());
        return licence == null ? LocalDate.MIN : licence.validTo();
    }

    /** True if the allocation's work comes before new work for the order (its own earlier work included). */
    static boolean goesBefore(Allocation allocation, Order order) {
        return byRank(allocation, order) <= 0;
    }

    /** True if the allocation is work of an order ranked ahead of this one (none of the order's own work). */
    static boolean ranksBefore(Allocation allocation, Order order) {
        return byRank(allocation, order) < 0;
    }

    /** The allocation's order against the order: class, then needed-by, then arrival; 0 for the order itself. */
    private static int byRank(Allocation allocation, Order order) {
        int byClass = allocation.customerClass().compareTo(order.customerClass());
        if (byClass != 0) {
            return byClass;
        }
        int byDate = allocation.neededBy().compareTo(order.neededBy());
        if (byDate != 0) {
            return byDate;
        }
        return Long.compare(allocation.orderSequence(), order.sequence());
    }

    /**
     * True if the allocation may make way for the order (15 CFR 700.14: between equal ratings the earlier delivery
     * date goes first): it is of the same class, needed later, and not started.
     */
    static boolean yieldsTo(Allocation allocation, Order order) {
        return allocation.customerClass() == order.customerClass() && allocation.neededBy().isAfter(order.neededBy())
                && allocation.produced() == 0;
    }
}
