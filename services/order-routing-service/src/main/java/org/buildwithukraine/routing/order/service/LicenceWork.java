package org.buildwithukraine.routing.order.service;

/**
 * The open work placed under one licence: what leaves its lines if the licence stops covering it (suspended,
 * revoked, its cap or validity cut), and is routed again.
 *
 * @param openOrders  distinct orders with work under the licence
 * @param allocations active allocations under it
 * @param lines       distinct lines those allocations are on
 * @param unitsToBuild units of those allocations not built yet
 */
public record LicenceWork(String licenceId, long openOrders, long allocations, long lines, long unitsToBuild) {
}
