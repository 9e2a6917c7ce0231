package org.buildwithukraine.kit.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "bwu.idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered: a retry after that is treated as a new request. */
    @WithDefault("P1D")
    Duration retention();
}
