package org.buildwithukraine.line.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.line.Requests.asMes;
import static org.buildwithukraine.line.Requests.asRole;
import static org.buildwithukraine.line.Requests.lineId;
import static org.buildwithukraine.line.Requests.registerLine;
import static org.buildwithukraine.line.Requests.report;
import static org.buildwithukraine.line.Requests.uniqueId;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.line.Events;
import org.buildwithukraine.line.ReportStatements;
import org.buildwithukraine.testsupport.TestKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * What a batch of status reports costs the database, counted rather than timed: the lines, the reportIds taken
 * before and the open allocations are read once for the whole batch, and the rows it writes go in JDBC batches,
 * so the statements prepared do not grow by several per report (ReportStatements says what is counted).
 */
@QuarkusTest
class StatusReportStatementsTest {

    private static final int LINES = 5;
    private static final int REPORTS_PER_LINE = 100;

    @Test
    void aFullBatchOfReportsWithOutputRunsAFewStatementsPerHundredReports() {
        String factory = uniqueId("de-dresden");
        Events.activeManufacturer(factory);
        Events.awaitFactory(factory, FactoryStatus.ACTIVE);
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < LINES; n++) {
            String line = lineId("de", "STM");
            registerLine(line, factory, 100_000);
            String allocation = uniqueId("alloc-stm");
            TestKafka.send(Topics.ORDER_ALLOCATIONS, line, Events.allocationCreated(UUID.randomUUID(), allocation,
                    line, factory, 1_000_000, Instant.now().minus(Duration.ofHours(1))));
            lines.add(line);
        }
        lines.forEach(line -> await().atMost(Duration.ofSeconds(30)).until(() -> asRole(Roles.ORDER_DESK)
                .get("/api/lines/{id}/allocations", line).then().extract().jsonPath().getList("$").size() == 1));

        Instant start = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int n = 0; n < REPORTS_PER_LINE; n++) {
            // every tenth report changes the state, so that the batch writes both kinds of line event
            String state = n % 10 == 9 ? "IDLE" : "RUNNING";
            for (String line : lines) {
                items.add(Map.of("lineId", line, "report",
                        report("stm-" + n, start.plusSeconds(n), state, null, 3, 1)));
            }
        }

        JsonPath[] answer = new JsonPath[1];
        int statements = ReportStatements.during(() -> answer[0] = asMes(factory).contentType(ContentType.JSON)
                .body(Map.of("reports", items)).post("/api/regions/de/status-reports").then().statusCode(207)
                .extract().jsonPath());

        assertThat(answer[0].getList("results.status", Integer.class)).hasSize(items.size()).containsOnly(201);
        assertThat(answer[0].getList("results.report.attributions.units.flatten()", Integer.class))
                .hasSize(items.size()).containsOnly(3);
        System.out.printf("status-report batch of %d reports on %d lines: %d JDBC statements%n", items.size(),
                LINES, statements);
        // one per row written would be well over 2,000 (report, attribution, outbox rows, updates)
        assertThat(statements).isLessThanOrEqualTo(items.size() / 10);
    }
}
