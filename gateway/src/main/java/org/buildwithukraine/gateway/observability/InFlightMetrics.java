package org.buildwithukraine.gateway.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.gateway.InFlight;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code bwu_gateway_in_flight_requests} and {@code bwu_gateway_in_flight_limit}: the requests the gateway holds
 * now and how many it may hold before it answers 503 at once ({@code bwu.gateway.limits.max-in-flight}), so that a
 * dashboard shows how close the gateway runs to refusing everyone, not only that it did.
 */
@Startup
@ApplicationScoped
public class InFlightMetrics {

    public InFlightMetrics(InFlight inFlight, MeterRegistry registry) {
        Gauge.builder("bwu.gateway.in.flight.requests", inFlight, InFlight::requests)
                .description("Requests the gateway is handling now")
                .register(registry);
        Gauge.builder("bwu.gateway.in.flight.limit", inFlight, InFlight::maxRequests)
                .description("Requests the gateway may handle at once before it refuses more")
                .register(registry);
    }
}
