package org.buildwithukraine.kit.web;

import java.time.Duration;

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
}
