package org.buildwithukraine.gateway.observability;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.gateway.Route;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code bwu_gateway_requests_seconds} by route (the route table's id), method, backend and status: counts and
 * a latency histogram per route. Timers are looked up once per combination, not built per request.
 */
@ApplicationScoped
public class RouteMetrics {

    private static final Duration[] BUCKETS = { Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10) };

    private final MeterRegistry registry;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    public RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Route route, String method, String backend, int status, long nanos) {
        Key key = new Key(route == null ? "unmatched" : route.id(), method, backend == null ? "gateway" : backend,
                status);
        timers.computeIfAbsent(key, this::timer).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key key) {
        return Timer.builder("bwu.gateway.requests")
                .description("Requests through the gateway by route of the route table")
                .tag("route", key.route())
                .tag("method", key.method())
                .tag("backend", key.backend())
                .tag("status", Integer.toString(key.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private record Key(String route, String method, String backend, int status) {
    }
}
