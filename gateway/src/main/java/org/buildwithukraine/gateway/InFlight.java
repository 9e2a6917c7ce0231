package org.buildwithukraine.gateway;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the gateway holds at once: requests in total, requests per caller and request body bytes. Each bound is
 * taken before the work it guards and given back when the request ends, so that a flood of slow or large
 * requests is refused instead of filling the heap. Safe for the event loops to share.
 */
public final class InFlight {

    private final int maxRequests;
    private final int maxPerCaller;
    private final long maxBodyBytes;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bodyBytes = new AtomicLong();
    private final ConcurrentHashMap<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();

    public InFlight(int maxRequests, int maxPerCaller, long maxBodyBytes) {
        this.maxRequests = maxRequests;
        this.maxPerCaller = maxPerCaller;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Takes one of the requests the gateway may handle at once; false when all are taken. */
    public boolean enter() {
        if (requests.incrementAndGet() > maxRequests) {
            requests.decrementAndGet();
            return false;
        }
        return true;
    }

    public void leave() {
        requests.decrementAndGet();
    }

    public int maxRequests() {
        return maxRequests;
    }

    /** Takes one of the caller's open requests; false when the caller has all of its own open already. */
    public boolean enterCaller(String caller) {
        boolean[] admitted = { false };
        perCaller.compute(caller, (key, open) -> {
            AtomicInteger count = open == null ? new AtomicInteger() : open;
            if (count.get() < maxPerCaller) {
                count.incrementAndGet();
                admitted[0] = true;
            }
            return count.get() == 0 ? null : count;
        });
        return admitted[0];
    }

    public void leaveCaller(String caller) {
        // a caller with nothing open is forgotten, so that the map holds only callers with requests under way
        perCaller.computeIfPresent(caller, (key, open) -> open.decrementAndGet() == 0 ? null : open);
    }

    /** Reserves memory for body bytes that have arrived; false when bodies already hold the whole allowance. */
    public boolean reserveBody(long bytes) {
        if (bodyBytes.addAndGet(bytes) > maxBodyBytes) {
            bodyBytes.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    public void releaseBody(long bytes) {
        bodyBytes.addAndGet(-bytes);
    }

    public int requests() {
        return requests.get();
    }

    public int requestsOf(String caller) {
        AtomicInteger open = perCaller.get(caller);
        return open == null ? 0 : open.get();
    }

    public long bodyBytes() {
        return bodyBytes.get();
    }

    public int callers() {
        return perCaller.size();
    }
}
