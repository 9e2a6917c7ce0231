package org.buildwithukraine.gateway.proxy;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.gateway.CircuitBreaker;
import org.buildwithukraine.gateway.Route;
import org.buildwithukraine.gateway.RouteTable;
import org.buildwithukraine.gateway.Target;
import org.buildwithukraine.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/** The services and regional instances behind the gateway, each with its own connection pool and breaker. */
@ApplicationScoped
public class Backends {

    private static final Logger LOG = Logger.getLogger(Backends.class);

    private final Map<String, Backend> services = new LinkedHashMap<>();
    private final List<Backend> regions = new ArrayList<>();

    public Backends(Vertx vertx, GatewayConfig config) {
        GatewayConfig.BackendDefaults defaults = config.backendDefaults();
        config.services().forEach((name, backend) -> services.put(name,
                create(vertx, name, name + " service", null, backend, defaults)));
        config.regions().forEach((region, backend) -> regions.add(create(vertx, region,
                "production lines of region " + region,
                backend.linePrefix().orElse(region.toUpperCase(Locale.ROOT) + "-"), backend, defaults)));
        // in line id order: a region's ids all start with its prefix (see LineLists)
        regions.sort(Comparator.comparing(Backend::linePrefix));
        for (Route route : RouteTable.API.routes()) {
            if (route.target().kind() == Target.Kind.SERVICE && !services.containsKey(route.target().service())) {
                throw new IllegalStateException("No backend configured for the " + route.target().service()
                        + " service: set bwu.gateway.services." + route.target().service() + ".url");
            }
        }
        if (regions.isEmpty()) {
            throw new IllegalStateException("No production-line region configured: set bwu.gateway.regions.<region>.url");
        }
    }

    public Backend service(String name) {
        return services.get(name);
    }

    /** The region whose prefix starts the line id, or null when no region serves it. */
    public Backend regionOfLine(String lineId) {
        for (Backend region : regions) {
            if (lineId.startsWith(region.linePrefix())) {
                return region;
            }
        }
        return null;
    }

    /** The region of that code (its key in {@code bwu.gateway.regions}), or null when none is configured. */
    public Backend region(String code) {
        for (Backend region : regions) {
            if (region.name().equals(code)) {
                return region;
            }
        }
        return null;
    }

    /** The regions in the order of their line id prefixes. */
    public List<Backend> regions() {
        return regions;
    }

    public List<Backend> all() {
        List<Backend> all = new ArrayList<>(services.values());
        all.addAll(regions);
        return all;
    }

    @PreDestroy
    void close() {
        all().forEach(backend -> backend.client().close());
    }

    private static Backend create(Vertx vertx, String name, String description, String linePrefix,
            GatewayConfig.Backend backend, GatewayConfig.BackendDefaults defaults) {
        URI url = backend.url();
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        long timeout = backend.timeout().orElse(defaults.timeout()).toMillis();
        long connectTimeout = Math.min(timeout, defaults.connectTimeout().toMillis());
        HttpClientOptions options = new HttpClientOptions()
                .setDefaultHost(url.getHost())
                .setDefaultPort(port)
                .setSsl(tls)
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setTcpNoDelay(true)
                .setConnectTimeout((int) connectTimeout)
                .setName("bwu-gateway-" + name);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(backend.maxConnections().orElse(defaults.maxConnections()));
        String basePath = url.getRawPath() == null || url.getRawPath().equals("/") ? "" : url.getRawPath();
        return new Backend(name, description, linePrefix, vertx.createHttpClient(options, pool), url.getHost(), port,
                basePath, timeout, connectTimeout,
                new CircuitBreaker(defaults.failureThreshold(), defaults.openFor().toNanos()),
                backend.managementUrl().orElse(null));
    }

    /**
     * One backend. {@code basePath} is prefixed to the request path (empty for a backend at the root);
     * {@code managementUrl} (its readiness and metrics) is null when not configured.
     */
    public record Backend(String name, String description, String linePrefix, HttpClient client, String host,
            int port, String basePath, long timeoutMillis, long connectTimeoutMillis, CircuitBreaker breaker,
            URI managementUrl) {

        /** A production-line region (its line ids start with its prefix), not a service. */
        public boolean isRegion() {
            return linePrefix != null;
        }

        /**
         * Counts a failure of this backend for its breaker. The failure that opens the breaker is logged with what
         * it was: from then on callers get 503 without the backend being asked, and the log is where an operator
         * learns why.
         */
        public void failed(String what) {
            if (breaker.onFailure(System.nanoTime())) {
                LOG.warnf("Requests to the %s paused for %d s after repeated failures; the last: %s", description,
                        TimeUnit.NANOSECONDS.toSeconds(breaker.remainingOpenNanos(System.nanoTime()) + 999_999_999),
                        what);
            }
        }
    }
}
