package org.buildwithukraine.events.order;

/** Who an order is for, highest priority first: Ukraine's own forces keep first call on every unit. */
public enum CustomerClass {
    UA_DEFENCE,
    PARTNER_DEFENCE,
    EXPORT
}
