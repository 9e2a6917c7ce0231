package org.buildwithukraine.events.order;

/** Event types on {@code order.events}, keyed by order id. Every one carries the full {@link OrderSnapshot}. */
public final class OrderEventTypes {

    public static final String RECEIVED = "OrderReceived";
    /** Fully or partially placed on lines; the snapshot's state says which. */
    public static final String ROUTED = "OrderRouted";
    public static final String QUEUED = "OrderQueued";
    public static final String REJECTED = "OrderRejected";
    public static final String IN_PRODUCTION = "OrderInProduction";
    public static final String FULFILLED = "OrderFulfilled";
    public static final String CANCELLED = "OrderCancelled";

    public static final int SCHEMA_VERSION = 1;

    private OrderEventTypes() {
    }
}
