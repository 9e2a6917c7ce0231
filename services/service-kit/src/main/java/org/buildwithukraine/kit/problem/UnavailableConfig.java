package org.buildwithukraine.kit.problem;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service answers while something it depends on (its database, Keycloak's keys) cannot be reached. */
@ConfigMapping(prefix = "bwu.unavailable")
public interface UnavailableConfig {

    /**
     * The {@code Retry-After} of a 503 (whole seconds, rounded up): long enough for a database failover or a
     * restarted pod to be back, short enough that a client does not wait long after it is.
     */
    @WithDefault("5s")
    Duration retryAfter();
}
