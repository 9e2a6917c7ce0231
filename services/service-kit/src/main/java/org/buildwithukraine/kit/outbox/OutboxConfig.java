package org.buildwithukraine.kit.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "bwu.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unpublished events (also read by the scheduler). */
    @WithDefault("0.2s")
    Duration pollInterval();

    /** Events published per database transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch before trying again later. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Published events are kept this long for inspection, then deleted. */
    @WithDefault("P7D")
    Duration retention();
}
