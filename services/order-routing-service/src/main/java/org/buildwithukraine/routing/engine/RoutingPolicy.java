package org.buildwithukraine.routing.engine;

/**
 * @param horizonDays how far ahead a line's capacity may be committed: a line takes at most
 *                    {@code capacityPerDay × horizonDays} outstanding units, what does not fit waits in the queue
 *                    until capacity frees up, so that capacity is never promised indefinitely far ahead
 */
public record RoutingPolicy(int horizonDays) {

    public static final RoutingPolicy DEFAULT = new RoutingPolicy(30);

    public RoutingPolicy {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizon must be at least one day");
        }
    }
}
