package org.buildwithukraine.routing.order.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "bwu.routing")
public interface RoutingConfig {

    /** How far ahead a line's capacity may be promised; what does not fit waits in the queue. */
    @WithDefault("30")
    int horizonDays();

    /**
     * How often waiting orders are tried again and placed work re-checked even without an event, so that licences
     * reaching their first or last day and the sliding horizon are taken into account (also read by the scheduler).
     */
    @WithDefault("5m")
    Duration retryInterval();
}
