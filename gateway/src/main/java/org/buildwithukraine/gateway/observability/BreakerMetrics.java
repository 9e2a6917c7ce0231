package org.buildwithukraine.gateway.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.gateway.CircuitBreaker;
import org.buildwithukraine.gateway.proxy.Backends;
import org.buildwithukraine.gateway.proxy.Backends.Backend;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code bwu_gateway_circuit_open{backend}}: 1 while the breaker of that service or region is not closed (open,
 * or half-open with its trial request pending), else 0. Callers of an open backend get a fast 503, so this says
 * which backend users are being turned away from, rather than only that 5xx rose.
 */
@Startup
@ApplicationScoped
public class BreakerMetrics {

    public BreakerMetrics(Backends backends, MeterRegistry registry) {
        for (Backend backend : backends.all()) {
            Gauge.builder("bwu.gateway.circuit.open", backend.breaker(), BreakerMetrics::open)
                    .description("1 while the gateway's circuit breaker for the backend is open or half-open")
                    .tag("backend", backend.name())
                    .register(registry);
        }
    }

    private static double open(CircuitBreaker breaker) {
        return breaker.state() == CircuitBreaker.State.CLOSED ? 0 : 1;
    }
}
