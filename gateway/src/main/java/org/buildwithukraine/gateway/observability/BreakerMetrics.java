package org.buildwithukraine.gateway.observability;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.gateway.CircuitBreaker;
import org.buildwithukraine.gateway.config.GatewayConfig;
import org.buildwithukraine.gateway.proxy.Backends;
import org.buildwithukraine.gateway.proxy.Backends.Backend;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code bwu_gateway_circuit_open{backend}}: 1 while the breaker of that service or region is not closed (open,
 * or half-open with its trial request pending), else 0. Callers of an open backend get a fast 503, so this says
 * which backend users are being turned away from, rather than only that 5xx rose.
 *
 * <p>The gauges are named from the configuration and look their backend up when read, so that registering
 * them at startup does not build {@link Backends} (and its HTTP clients) earlier than its first use would.
 */
@Startup
@ApplicationScoped
public class BreakerMetrics {

    public BreakerMetrics(Backends backends, GatewayConfig config, MeterRegistry registry) {
        config.services().keySet().forEach(name -> register(registry, name, () -> backends.service(name)));
        config.regions().keySet().forEach(name -> register(registry, name, () -> backends.region(name)));
    }

    private static void register(MeterRegistry registry, String name, Supplier<Backend> backend) {
        Gauge.builder("bwu.gateway.circuit.open", () -> open(backend.get().breaker()))
                .description("1 while the gateway's circuit breaker for the backend is open or half-open")
                .tag("backend", name)
                .register(registry);
    }

    private static double open(CircuitBreaker breaker) {
        return breaker.state() == CircuitBreaker.State.CLOSED ? 0 : 1;
    }
}
