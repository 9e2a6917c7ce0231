package org.buildwithukraine.gateway;

/**
 * Stops sending requests to a backend that keeps failing, so that callers get a fast 503 instead of waiting for
 * timeouts, and the backend gets room to recover. After {@code failureThreshold} consecutive failures it opens
 * for {@code openForNanos}; then one trial request is let through (half-open): success closes it, failure opens
 * it again. Time comes in as {@link System#nanoTime()} values so that tests can drive it.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int failureThreshold;
    private final long openForNanos;

    private int consecutiveFailures;
    private State state = State.CLOSED;
    private long openedAt;
    private boolean trialInFlight;
    /** Read without locking on the success path, which is nearly every request. */
    private volatile boolean healthy = true;

    public CircuitBreaker(int failureThreshold, long openForNanos) {
        if (failureThreshold < 1 || openForNanos <= 0) {
            throw new IllegalArgumentException("a breaker needs a threshold of at least 1 and a positive open time");
        }
        this.failureThreshold = failureThreshold;
        this.openForNanos = openForNanos;
    }

    /** Whether a request may go to the backend now; when true the caller must report its outcome. */
    public boolean tryAcquire(long now) {
        if (healthy) {
            return true;
        }
        synchronized (this) {
            switch (state) {
                case CLOSED:
                    return true;
                case OPEN:
                    if (now - openedAt < openForNanos) {
                        return false;
                    }
                    state = State.HALF_OPEN;
                    trialInFlight = true;
                    return true;
                default:
                    if (trialInFlight) {
                        return false;
                    }
                    trialInFlight = true;
                    return true;
            }
        }
    }

    public void onSuccess() {
        if (healthy) {
            return;
        }
        synchronized (this) {
            consecutiveFailures = 0;
            state = State.CLOSED;
            trialInFlight = false;
            healthy = true;
        }
    }

    /** Counts a failure; true when it is this failure that opened the breaker (from closed or half-open). */
    public synchronized boolean onFailure(long now) {
        consecutiveFailures++;
        healthy = false;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            boolean opening = state != State.OPEN;
            state = State.OPEN;
            openedAt = now;
            trialInFlight = false;
            return opening;
        }
        return false;
    }

    /** Nanoseconds until an open breaker lets a trial through; 0 when it is not open. */
    public synchronized long remainingOpenNanos(long now) {
        return state == State.OPEN ? Math.max(0, openForNanos - (now - openedAt)) : 0;
    }

    public synchronized State state() {
        return state;
    }
}
