package org.buildwithukraine.gateway.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.gateway.proxy.Backends;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows each backend's circuit breaker. Always UP: a failing service must not take the gateway out of rotation,
 * since routes to the other services keep working.
 */
@Readiness
@ApplicationScoped
public class BackendsHealthCheck implements HealthCheck {

    private final Backends backends;

    public BackendsHealthCheck(Backends backends) {
        this.backends = backends;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("backends").up();
        for (Backends.Backend backend : backends.all()) {
            response.withData(backend.name(), backend.breaker().state().name());
        }
        return response.build();
    }
}
