package org.buildwithukraine.routing.engine;

/** Where an order stands after a routing pass. */
public enum Outcome {
    /** Every unit is on a line. */
    PLACED,
    /** Some units are on lines, the rest waits for capacity. */
    PARTIALLY_PLACED,
    /** Nothing is on a line; it waits for capacity. */
    QUEUED,
    /**
     * It can never be built as asked (no licence anywhere, export to a destination no licence allows), or the engine
     * cannot judge it (nothing to build, an export without destination or export centre).
     */
    REJECTED
}
