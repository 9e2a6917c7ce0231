package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.buildwithukraine.gateway.observability.OutboxBacklogReading;
import org.junit.jupiter.api.Test;

class OutboxBacklogReadingTest {

    @Test
    void readsTheKitsGaugesWithOrWithoutLabels() {
        String exposition = """
                # HELP bwu_outbox_pending Outbox events committed but not yet published to Kafka
                # TYPE bwu_outbox_pending gauge
                bwu_outbox_pending_total_unrelated 99.0
                bwu_outbox_pending{application="factory-service"} 12.0
                # TYPE bwu_outbox_oldest_pending_seconds gauge
                bwu_outbox_oldest_pending_seconds 3.25 1700000000000
                """;
        assertThat(OutboxBacklogReading.of(exposition)).contains(new OutboxBacklogReading(12, 3.25));
    }

    @Test
    void noGaugesOrNoNumberIsNoReading() {
        assertThat(OutboxBacklogReading.of("jvm_threads_live_threads 31.0\n")).isEmpty();
        assertThat(OutboxBacklogReading.of("bwu_outbox_pending NaN\nbwu_outbox_oldest_pending_seconds NaN\n"))
                .isEmpty();
        assertThat(OutboxBacklogReading.of("bwu_outbox_pending 1.0\n")).isEmpty();
    }
}
