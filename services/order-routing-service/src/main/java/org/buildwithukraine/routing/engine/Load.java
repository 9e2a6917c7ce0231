package org.buildwithukraine.routing.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.buildwithukraine.events.order.CustomerClass;

/**
 * The active allocations on one line, or under one licence, in queue order, with their outstanding units summed
 * per customer class so that "what is committed to this class or a higher one" is a constant-time question.
 * Put in queue order only when something asks for the order: a licence's load is mostly asked for its sums, and
 * sorting the thousands of allocations under a licence for every order placed was a tenth of a placement's CPU.
 */
final class Load {

    private static final int CLASSES = CustomerClass.values().length;

    private final Comparator<Allocation> queueOrder;
    private final List<Allocation> allocations;
    private final long[] outstandingByClass = new long[CLASSES];
    private boolean inQueueOrder;

    Load(Comparator<Allocation> queueOrder, Collection<Allocation> initial) {
        this.queueOrder = queueOrder;
        this.allocations = new ArrayList<>(initial);
        for (Allocation allocation : initial) {
            outstandingByClass[allocation.customerClass().ordinal()] += allocation.outstanding();
        }
    }

    void add(Allocation allocation) {
        if (inQueueOrder) {
            int at = Collections.binarySearch(allocations, allocation, queueOrder);
            allocations.add(at < 0 ? -at - 1 : at, allocation);
        } else {
            allocations.add(allocation);
        }
        outstandingByClass[allocation.customerClass().ordinal()] += allocation.outstanding();
    }

    /** @return false if it was not here */
    boolean remove(Allocation allocation) {
        if (allocations.remove(allocation)) {
            outstandingByClass[allocation.customerClass().ordinal()] -= allocation.outstanding();
            return true;
        }
        return false;
    }

    List<Allocation> allocations() {
        return Collections.unmodifiableList(inQueueOrder());
    }

    private List<Allocation> inQueueOrder() {
        if (!inQueueOrder) {
            allocations.sort(queueOrder);
            inQueueOrder = true;
        }
        return allocations;
    }

    long total() {
        long total = 0;
        for (long units : outstandingByClass) {
            total += units;
        }
        return total;
    }

    /** Outstanding units of the class and every higher-priority class: what an order of that class cannot take. */
    long atOrAbove(CustomerClass customerClass) {
        long units = 0;
        for (int c = 0; c <= customerClass.ordinal(); c++) {
            units += outstandingByClass[c];
        }
        return units;
    }

    /** Outstanding units of unstarted, later-needed work of the order's class: what may make way for it. */
    long yieldingTo(Order order) {
        long units = 0;
        for (Allocation allocation : allocations) {
            if (Ranking.yieldsTo(allocation, order)) {
                units += allocation.outstanding();
            }
        }
        return units;
    }

    /** Outstanding units that would be built before new work for the order. */
    long ahead(Order order) {
        return unitsBefore(firstWhere(allocation -> !Ranking.goesBefore(allocation, order)));
    }

    /** Where the order's work starts in the queue: the first allocation not of an order ranked ahead of it. */
    int positionOf(Order order) {
        return firstWhere(allocation -> !Ranking.ranksBefore(allocation, order));
    }

    /**
     * Outstanding units of the allocations ahead of the position, summed from the nearer end of the queue: work
     * placed in rank order lands at the end, so that a long queue is not walked for each order placed on it.
     */
    long unitsBefore(int position) {
        List<Allocation> queue = inQueueOrder();
        long units = 0;
        if (position <= queue.size() / 2) {
            for (int i = 0; i < position; i++) {
                units += queue.get(i).outstanding();
            }
            return units;
        }
        for (int i = position; i < queue.size(); i++) {
            units += queue.get(i).outstanding();
        }
        return total() - units;
    }

    /** The first position in queue order where the test holds; it must hold from there to the end. */
    private int firstWhere(Predicate<Allocation> test) {
        List<Allocation> queue = inQueueOrder();
        int low = 0;
        int high = queue.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (test.test(queue.get(middle))) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
