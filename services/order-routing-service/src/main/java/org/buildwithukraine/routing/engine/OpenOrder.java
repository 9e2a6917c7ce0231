package org.buildwithukraine.routing.engine;

/**
 * An order that is neither finished, cancelled nor rejected.
 *
 * @param unplaced units not yet on any line: its quantity minus the quantity of its active allocations and the
 *                 units produced under allocations since withdrawn
 */
public record OpenOrder(Order order, long unplaced) {
}
