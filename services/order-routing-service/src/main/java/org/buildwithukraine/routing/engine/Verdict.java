package org.buildwithukraine.routing.engine;

/** What the router made of one candidate line for one order. */
public enum Verdict {
    /** Part or all of the order was placed on it. */
    CHOSEN,
    /** Eligible, but other lines finish sooner or already cover the order. */
    NOT_NEEDED,
    /** Eligible, but its capacity within the horizon is committed to orders of equal or higher priority. */
    NO_CAPACITY,
    /** Eligible, but its licence's remaining quota is already allocated. */
    NO_QUOTA,
    /** Not allowed to build this order: line state, factory, licence or export permission. */
    INELIGIBLE
}
