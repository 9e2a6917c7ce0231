package org.buildwithukraine.routing.order;

public enum AllocationStatus {
    /** On its line, units still to build: holds line capacity and licence quota. */
    ACTIVE,
    /** Every unit built. */
    COMPLETED,
    /** Taken off its line; units built under it still count for the order. */
    CANCELLED
}
