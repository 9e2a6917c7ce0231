package org.buildwithukraine.kit.web;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "bwu.http")
public interface HttpGuardConfig {

    /**
     * How long a request's body may take to arrive in full, from the moment its headers did; a body that is
     * slower, trickling in or never finished, is answered 408 and its connection closed.
     */
    @WithDefault("30s")
    Duration bodyTimeout();

    /** The largest request body of every route that is not a {@link #streamedRoutes streamed} one. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * Routes whose request bodies the resource reads as a stream, by a name of the service's choosing. The guard
     * does not collect their bodies: it refuses a declared length over the route's own limit and cuts off a body
     * that stops arriving for the route's idle timeout, however long the whole body takes. The resource counts
     * what it reads against the same limit (a chunked body declares none), and {@code
     * quarkus.http.limits.max-body-size} must be above it, or Quarkus cuts the body off first.
     */
    Map<String, StreamedRoute> streamedRoutes();

    interface StreamedRoute {

        /** The HTTP method, e.g. PUT. */
        String method();

        /** The path, a {@code {name}} standing for one segment: {@code /api/things/{id}/content}. */
        String path();

        /** The largest body the route takes. */
        MemorySize maxBodySize();

        /** How long the body may stop arriving before the request is answered 408 and its connection closed. */
        @WithDefault("30s")
        Duration idleTimeout();
    }
}
