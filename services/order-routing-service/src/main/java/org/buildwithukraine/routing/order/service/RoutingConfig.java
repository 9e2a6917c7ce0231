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

    /**
     * A placement's answer lists every candidate line of the decision up to this many lines; above, only the chosen
     * ones with the count of every verdict, and the full list stays at the order's decisions. The answer is also
     * what the Idempotency-Key stores for a retry: a thousand lines explained are a quarter of a megabyte.
     */
    @WithDefault("50")
    int placementAnswerLines();

    /**
     * At most this many orders of one technology are placed in one routing pass (one transaction); what arrives
     * beyond waits for the next. Bounds a pass's transaction and the wait of the orders in it.
     */
    @WithDefault("64")
    int maxOrdersPerPass();

    /**
     * How long a placement waits for its pass to be decided and committed before it is answered 503; below the
     * gateway's timeout for the service, so that the caller hears why.
     */
    @WithDefault("4s")
    Duration placementTimeout();
}
