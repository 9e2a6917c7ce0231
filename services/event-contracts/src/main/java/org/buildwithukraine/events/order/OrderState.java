package org.buildwithukraine.events.order;

public enum OrderState {
    RECEIVED,
    ROUTED,
    PARTIALLY_ROUTED,
    QUEUED,
    REJECTED,
    IN_PRODUCTION,
    FULFILLED,
    CANCELLED
}
