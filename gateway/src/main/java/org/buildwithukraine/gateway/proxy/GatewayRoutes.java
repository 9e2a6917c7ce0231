package org.buildwithukraine.gateway.proxy;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.buildwithukraine.gateway.InFlight;
import org.buildwithukraine.gateway.PathRules;
import org.buildwithukraine.gateway.config.GatewayConfig;
import org.buildwithukraine.gateway.openapi.PlatformOpenApi;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.Router;

/** Plain Vert.x routes: the proxy path carries no JAX-RS machinery. */
@ApplicationScoped
public class GatewayRoutes {

    /** Before every route and handler of the HTTP port, so that no path trick reaches routing or a role check. */
    private static final int PATH_RULES_PRIORITY = 10_000;
    private static final int MAX_ECHOED_PATH = 200;

    void install(@Observes Router router, ApiHandler api, PlatformOpenApi openApi, GatewayConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> serverLimit) {
        long maxUpload = config.limits().maxUploadSize().asLongValue();
        if (serverLimit.isPresent() && serverLimit.get().asLongValue() <= maxUpload) {
            // the HTTP server would answer a declared length between the two with a bare 413 before the gateway
            throw new IllegalStateException("quarkus.http.limits.max-body-size (" + serverLimit.get().asLongValue()
                    + " bytes) must be above bwu.gateway.limits.max-upload-size (" + maxUpload + " bytes)");
        }
        router.route("/api/*").handler(api);
        router.get(PlatformOpenApi.PATH).handler(openApi);
    }

    void refusePathTricks(@Observes Filters filters) {
        filters.register(context -> {
            String path = context.request().path();
            String violation = PathRules.violation(path);
            if (violation == null) {
                context.next();
                return;
            }
            String instance = path == null ? "" : path.length() > MAX_ECHOED_PATH
                    ? path.substring(0, MAX_ECHOED_PATH) : path;
            Exchange.problem(context.response(), 400, "Bad request", violation, instance, null);
        }, PATH_RULES_PRIORITY);
    }

    @Produces
    @Singleton
    InFlight inFlight(GatewayConfig config) {
        var limits = config.limits();
        return new InFlight(limits.maxInFlight(), limits.maxInFlightPerCaller(),
                limits.maxBufferedBodies().asLongValue());
    }
}
