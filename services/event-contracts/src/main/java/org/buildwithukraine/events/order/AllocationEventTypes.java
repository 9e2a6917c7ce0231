package org.buildwithukraine.events.order;

/** Event types on {@code order.allocations}, keyed by line id. */
public final class AllocationEventTypes {

    /** Payload {@link AllocationCreated}. */
    public static final String CREATED = "AllocationCreated";
    /** Payload {@link AllocationCancelled}. */
    public static final String CANCELLED = "AllocationCancelled";

    public static final int SCHEMA_VERSION = 1;

    private AllocationEventTypes() {
    }
}
