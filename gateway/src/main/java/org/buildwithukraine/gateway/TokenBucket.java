package org.buildwithukraine.gateway;

/**
 * A caller's allowance: up to {@code capacity} requests at once, refilled continuously at {@code refillPerSecond}.
 * Time comes in as {@link System#nanoTime()} values so that tests can drive it.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long refilledAt;

    public TokenBucket(int capacity, double refillPerSecond, long now) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("a bucket needs a capacity of at least 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** Takes one token; answers 0 when granted, else the nanoseconds until a token will be there. */
    public synchronized long take(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
            refilledAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / refillPerNano));
    }
}
