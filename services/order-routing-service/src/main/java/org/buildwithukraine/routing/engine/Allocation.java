package org.buildwithukraine.routing.engine;

import java.time.Instant;
import java.time.LocalDate;

import org.buildwithukraine.events.order.CustomerClass;

/**
 * Part of an order placed on one line under one licence. The order's class, needed-by date and sequence are
 * copied here because they decide the allocation's place in the line's queue.
 *
 * @param produced good units the line has reported against it
 */
public record Allocation(String id, String orderId, String lineId, String factoryId, String licenceId,
        String technologyCode, CustomerClass customerClass, LocalDate neededBy, long orderSequence, long quantity,
        long produced, Instant plannedStart, Instant plannedFinish) {

    /** Units the line still has to build: what its capacity and its licence's quota are committed to. */
    public long outstanding() {
        return Math.max(0, quantity - produced);
    }

    Allocation scheduled(Instant start, Instant finish) {
        return new Allocation(id, orderId, lineId, factoryId, licenceId, technologyCode, customerClass, neededBy,
                orderSequence, quantity, produced, start, finish);
    }
}
