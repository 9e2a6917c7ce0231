package org.buildwithukraine.line.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "bwu.reports")
public interface ReportsConfig {

    /** How far ahead of this server's clock a report's observedAt may lie; later than that is refused. */
    @WithDefault("5m")
    Duration maxClockSkew();
}
