package org.buildwithukraine.line.service;

import java.time.Duration;

import org.buildwithukraine.line.ObservationWindow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which observation times a status report may carry (env BWU_REPORTS_MAX_AGE, BWU_REPORTS_MAX_CLOCK_SKEW). */
@ConfigMapping(prefix = "bwu.reports")
public interface ReportsConfig {

    /** How far ahead of this server's clock a report's observedAt may lie; later than that is refused. */
    @WithDefault("5m")
    Duration maxClockSkew();

    /** How far back a report's observedAt may lie; older than that is refused. */
    @WithDefault("7d")
    Duration maxAge();

    default ObservationWindow window() {
        return new ObservationWindow(maxAge(), maxClockSkew());
    }
}
