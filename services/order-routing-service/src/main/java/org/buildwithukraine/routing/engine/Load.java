package org.buildwithukraine.routing.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.buildwithukraine.events.order.CustomerClass;

/**
 * The active allocations on one line, or under one licence, in ranking order, with their outstanding units summed
 * per customer class so that "what is committed to this class or a higher one" is a constant-time question.
 */
final class Load {

    private static final int CLASSES = CustomerClass.values().length;

    private final List<Allocation> allocations;
    private final long[] outstandingByClass;

    Load() {
        this(new ArrayList<>(), new long[CLASSES]);
    }

    private Load(List<Allocation> allocations, long[] outstandingByClass) {
        this.allocations = allocations;
        this.outstandingByClass = outstandingByClass;
    }

    Load copy() {
        return new Load(new ArrayList<>(allocations), outstandingByClass.clone());
    }

    void add(Allocation allocation) {
        int at = Collections.binarySearch(allocations, allocation, Ranking.ALLOCATIONS);
        allocations.add(at < 0 ? -at - 1 : at, allocation);
        outstandingByClass[allocation.customerClass().ordinal()] += allocation.outstanding();
    }

    void remove(Allocation allocation) {
        if (allocations.remove(allocation)) {
            outstandingByClass[allocation.customerClass().ordinal()] -= allocation.outstanding();
        }
    }

    void replace(Allocation old, Allocation updated) {
        int at = allocations.indexOf(old);
        allocations.set(at, updated);
    }

    List<Allocation> allocations() {
        return Collections.unmodifiableList(allocations);
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

    /** Outstanding units that would be built before new work for the order. */
    long ahead(Order order) {
        long units = 0;
        for (Allocation allocation : allocations) {
            if (!Ranking.goesBefore(allocation, order)) {
                break;
            }
            units += allocation.outstanding();
        }
        return units;
    }

    Allocation lowestRanked() {
        return allocations.get(allocations.size() - 1);
    }
}
