package org.buildwithukraine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.e2e.Api.asUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Issue 18's proof of tracing: an order placed through the gateway with a trace context of the test's choosing
 * shows that one trace id in the log lines (JSON, the id in each line's {@code mdc}) of the gateway that passed
 * the request on, of the order router that answered it and wrote the allocation to its outbox, and of the
 * production-line service that applied the allocation from Kafka. The platform logs those lines at DEBUG
 * ({@link Platform}); the demo data gives the network to route on, whether or not the mission ran before. The
 * test's traceparent asks for sampling (flag 01), which the gateway does not follow: it samples at its own ratio,
 * 0 with export off, so the trace is propagated and logged everywhere and no application tries to export it.
 */
@Order(8)
@DisplayName("Issue 18: one trace from the gateway through the router's outbox and Kafka to the line")
class TracingIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    /** Two rounds of the batch span processor after the trace's last span: any export would have been tried. */
    private static final Duration EXPORT_ROUNDS = Duration.ofSeconds(12);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("an order's trace id is in the logs of the gateway, the router and the line's service")
    void oneTraceIdFromTheGatewayToTheLineThatAppliesTheAllocation() {
        Platform platform = Platform.get();
        platform.up(true);
        MissionIT.report("maker-de", "DE-MUC-01", "RUNNING", null, 0);
        // routed in the request that places it only once the router has heard of the whole network
        platform.awaitEventsApplied(SETTLE);

        String traceId = hex(32);
        Response placed = asUser("desk").header("Idempotency-Key", UUID.randomUUID().toString())
                .header("traceparent", "00-" + traceId + "-" + hex(16) + "-01")
                .body(Map.of("customerClass", "UA_DEFENCE", "customer", "Armed Forces of Ukraine",
                        "technologyCode", MissionIT.FPV, "quantity", 5,
                        "neededBy", MissionIT.today().plusDays(30).toString()))
                .post("/api/orders");
        placed.then().statusCode(201);
        String orderId = placed.path("id");
        JsonPath order = MissionIT.order(orderId);
        assertThat(order.getString("state")).as("order %s routed by the request that placed it", orderId)
                .isEqualTo("ROUTED");
        String line = MissionIT.activeLines(order).get(0);
        await().atMost(SETTLE).until(() -> MissionIT.openOrders(line).contains(orderId));

        String lineService = "production-" + line.substring(0, 2).toLowerCase(Locale.ROOT);
        for (String application : List.of("gateway", "order-routing-service", lineService)) {
            await().atMost(SETTLE).untilAsserted(() -> assertThat(linesOfTrace(platform.logs(), application, traceId))
                    .as("JSON log lines of %s in trace %s", application, traceId).isNotEmpty());
        }
        assertThat(linesOfTrace(platform.logs(), lineService, traceId))
                .as("%s applied the allocation from Kafka in that trace", lineService)
                .anyMatch(entry -> entry.path("message").asText().startsWith("Applied order.allocations"));

        // the caller's sampled flag made no application sample the trace: export is off, and a sampled span would
        // be a failed export a few seconds later, when the batch span processor (every 5 s) tries to send it
        await().during(EXPORT_ROUNDS).atMost(EXPORT_ROUNDS.plusSeconds(10)).untilAsserted(
                () -> assertThat(failedExports(platform.applicationLogs())).as("applications' failed span exports")
                        .isEmpty());
    }

    /** The lines of these logs that report a failed export of spans (the OTLP exporter's warning). */
    private static List<String> failedExports(List<Path> logs) {
        return logs.stream().flatMap(log -> {
            try {
                return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.contains("Failed to export")).map(line -> log.getFileName() + ": " + line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** The JSON lines of an application's log whose MDC names the trace. */
    private static List<JsonNode> linesOfTrace(Path logs, String application, String traceId) {
        try (Stream<String> lines = Files.lines(logs.resolve(application + ".log"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("{") && line.contains(traceId)).map(TracingIT::parse)
                    .filter(entry -> traceId.equals(entry.path("mdc").path("traceId").asText()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON log line: " + line, e);
        }
    }

    /** A random W3C trace or span id of that many hex digits. */
    private static String hex(int digits) {
        byte[] id = new byte[digits / 2];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
