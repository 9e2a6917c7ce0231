package org.buildwithukraine.gateway.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.buildwithukraine.gateway.config.GatewayConfig;
import org.buildwithukraine.gateway.config.KafkaClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** With Kafka unreachable every dead-letter route answers 503 with Retry-After within its timeout, sending nothing. */
class KafkaOutageTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void listingAndRedrivingAnswerUnavailable() throws Exception {
        DeadLetterDesk desk = desk(closedPort());

        for (Future<?> asked : new Future<?>[] { desk.topics(), desk.records("line.output.dlq", null, null),
                desk.redrive("line.output.dlq", "0", "0", "ops") }) {
            Throwable failure = asked.toCompletionStage().toCompletableFuture().handle((ok, failed) -> failed)
                    .get(20, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOfSatisfying(DeadLetterProblem.class, problem -> {
                assertThat(problem.status()).isEqualTo(503);
                assertThat(problem.retryAfterSeconds()).isPositive();
            });
        }
    }

    private DeadLetterDesk desk(int port) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(GatewayConfig.class)
                .withMapping(KafkaClientConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(Map.of(
                        "kafka.bootstrap.servers", "localhost:" + port,
                        "bwu.gateway.dead-letters.timeout", "1s"), "test", 250))
                .build();
        return new DeadLetterDesk(vertx, config.getConfigMapping(KafkaClientConfig.class),
                config.getConfigMapping(GatewayConfig.class));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
