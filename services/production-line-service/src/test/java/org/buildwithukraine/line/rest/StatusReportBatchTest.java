package org.buildwithukraine.line.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.line.Requests.asMaker;
import static org.buildwithukraine.line.Requests.asMes;
import static org.buildwithukraine.line.Requests.asRole;
import static org.buildwithukraine.line.Requests.lineId;
import static org.buildwithukraine.line.Requests.postReport;
import static org.buildwithukraine.line.Requests.registerLine;
import static org.buildwithukraine.line.Requests.report;
import static org.buildwithukraine.line.Requests.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.line.Events;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class StatusReportBatchTest {

    @RegisterExtension
    static final TopicRecorder lineStatus = TopicRecorder.of(Topics.LINE_STATUS);
    @RegisterExtension
    static final TopicRecorder lineOutput = TopicRecorder.of(Topics.LINE_OUTPUT);

    private static final String MUNICH = "de-munich";
    private static final String BATCH = "/api/regions/de/status-reports";

    private static String otherFactory;

    @BeforeEach
    void factories() {
        if (otherFactory == null) {
            otherFactory = uniqueId("de-leipzig");
            Events.activeManufacturer(MUNICH);
            Events.activeManufacturer(otherFactory);
        }
    }

    @Test
    void eachItemIsAnsweredInRequestOrderAsTheSingleEndpointWouldTakeIt() {
        String first = newLine(MUNICH);
        String second = newLine(MUNICH);
        Instant t = ago(Duration.ofMinutes(40));
        JsonPath answer = batch(asMes(MUNICH), List.of(
                item(second, report("b-1", t, "RUNNING", null, 30, 1)),
                item(first, report("a-1", t, "RUNNING", null, 10, 0)),
                item(first, report("a-2", t.plusSeconds(60), "DOWN", "BREAKDOWN", 5, 0)),
                item(second, report("b-0", t.minusSeconds(60), "IDLE", null, 0, 0))));

        assertThat(answer.getList("results.index", Integer.class)).containsExactly(0, 1, 2, 3);
        assertThat(answer.getList("results.lineId", String.class)).containsExactly(second, first, first, second);
        assertThat(answer.getList("results.reportId", String.class)).containsExactly("b-1", "a-1", "a-2", "b-0");
        assertThat(answer.getList("results.status", Integer.class)).containsExactly(201, 201, 201, 201);
        assertThat(answer.getInt("results[0].report.goodUnits")).isEqualTo(30);
        assertThat(answer.getString("results[2].report.reason")).isEqualTo("BREAKDOWN");
        assertThat(answer.getString("results[2].report.reportedBy")).isEqualTo("service-account-mes-" + MUNICH);
        // observed before the line's latest: history only, as for a single report that arrives late
        assertThat(answer.getBoolean("results[3].report.current")).isFalse();
        assertThat(answer.getString("results[0].problem")).isNull();

        asMes(MUNICH).get("/api/lines/{id}", first).then().body("state", equalTo("DOWN"))
                .body("lastReportId", equalTo("a-2"));
        asMes(MUNICH).get("/api/lines/{id}", second).then().body("state", equalTo("RUNNING"));
        asMes(MUNICH).get("/api/lines/{id}/status-reports/{r}", first, "a-1").then().statusCode(200)
                .body("goodUnits", equalTo(10));
        // one OutputReported per report with units, one LineStatusChanged per change of state
        assertThat(lineOutput.awaitEvents(first, 2)).extracting(e -> e.payload().get("reportId").asText())
                .containsExactly("a-1", "a-2");
        assertThat(lineOutput.awaitEvents(second, 1)).hasSize(1);
        assertThat(lineStatus.awaitEvents(first, 3)).extracting(EventEnvelope::type)
                .containsExactly("LineRegistered", "LineStatusChanged", "LineStatusChanged");
    }

    @Test
    void replaysOfSingleItemsAndOfWholeBatchesStoreNothingTwice() {
        String line = newLine(MUNICH);
        Instant t = ago(Duration.ofMinutes(30));
        Map<String, Object> single = report("s-1", t, "RUNNING", null, 12, 0);
        String singleAnswer = postReport(asMes(MUNICH), line, single).statusCode(201).extract().asString();

        List<Map<String, Object>> items = List.of(item(line, single),
                item(line, report("s-2", t.plusSeconds(60), "RUNNING", null, 8, 1)));
        JsonPath firstBatch = batch(asMes(MUNICH), items);
        assertThat(firstBatch.getList("results.status", Integer.class)).containsExactly(200, 201);
        // the replayed item is the stored report, exactly as the single endpoint answered it
        assertThat(firstBatch.getMap("results[0].report"))
                .isEqualTo(JsonPath.from(singleAnswer).getMap(""));

        JsonPath again = batch(asMes(MUNICH), items);
        assertThat(again.getList("results.status", Integer.class)).containsExactly(200, 200);
        assertThat(again.getList("results.report")).isEqualTo(firstBatch.getList("results.report"));
        // and the single endpoint sees the batch's report as its own
        postReport(asMes(MUNICH), line, report("s-2", t.plusSeconds(60), "RUNNING", null, 8, 1)).statusCode(201)
                .header(StatusReportResource.REPLAYED_HEADER, "true");
        // the same reportId twice in one batch: the second is a replay of the first
        JsonPath twice = batch(asMes(MUNICH), List.of(
                item(line, report("s-3", t.plusSeconds(120), "IDLE", null, 1, 0)),
                item(line, report("s-3", t.plusSeconds(120), "IDLE", null, 1, 0))));
        assertThat(twice.getList("results.status", Integer.class)).containsExactly(201, 200);

        asMes(MUNICH).get("/api/lines/{id}/status-reports", line).then().body("total", equalTo(3));
        awaitQuiet(line);
        assertThat(lineOutput.eventsFor(line)).extracting(e -> e.payload().get("reportId").asText())
                .containsExactly("s-1", "s-2", "s-3");
    }

    @Test
    void aRefusedItemIsAnsweredOnItsOwnAndTheOthersAreStored() {
        String line = newLine(MUNICH);
        Instant t = ago(Duration.ofMinutes(20));
        postReport(asMes(MUNICH), line, report("taken", t.minusSeconds(600), "RUNNING", null, 1, 0))
                .statusCode(201);
        Map<String, Object> wrongType = report("m-3", t, "RUNNING", null, 0, 0);
        wrongType.put("goodUnits", "many");
        Map<String, Object> unknownField = report("m-7", t, "RUNNING", null, 0, 0);
        unknownField.put("colour", "red");
        Map<String, Object> noLine = new HashMap<>();
        noLine.put("report", report("m-5", t, "RUNNING", null, 0, 0));

        List<Object> items = new ArrayList<>();
        items.add(item(line, report("m-1", t, "RUNNING", null, 4, 0)));
        items.add(item(line, report("m-2", t, "FLYING", null, 0, 0)));
        items.add(item(line, wrongType));
        items.add(item(line, report("m-4", t, "DOWN", null, 0, 0)));
        items.add(noLine);
        items.add(item(line, report("m-6", Instant.now().minus(Duration.ofDays(30)), "RUNNING", null, 0, 0)));
        items.add(item(line, unknownField));
        items.add(item(line, report("taken", t, "IDLE", null, 9, 0)));
        items.add("not an item");
        items.add(item(line, report("m-9", t.plusSeconds(60), "RUNNING", null, 6, 0)));
        JsonPath answer = batch(asMes(MUNICH), items);

        assertThat(answer.getList("results.status", Integer.class))
                .containsExactly(201, 400, 400, 400, 400, 400, 400, 409, 400, 201);
        assertThat(answer.getList("results[1].problem.errors.field")).containsExactly("report.state");
        assertThat(answer.getList("results[2].problem.errors.field")).containsExactly("report.goodUnits");
        assertThat(answer.getList("results[3].problem.errors.field")).containsExactly("report.reason");
        assertThat(answer.getList("results[4].problem.errors.field")).containsExactly("lineId");
        assertThat(answer.getString("results[4].reportId")).isEqualTo("m-5");
        assertThat(answer.getList("results[5].problem.errors.field")).containsExactly("observedAt");
        assertThat(answer.getList("results[6].problem.errors.field")).containsExactly("report.colour");
        assertThat(answer.getString("results[7].problem.detail"))
                .startsWith("reportId taken was already used for a different request");
        assertThat(answer.getInt("results[7].problem.status")).isEqualTo(409);
        assertThat(answer.getString("results[1].report")).isNull();

        asMes(MUNICH).get("/api/lines/{id}/status-reports", line).then().body("total", equalTo(3))
                .body("items.reportId", contains("m-9", "m-1", "taken"));
        awaitQuiet(line);
        assertThat(lineOutput.eventsFor(line)).extracting(e -> e.payload().get("reportId").asText())
                .containsExactly("taken", "m-1", "m-9");
    }

    @Test
    void anMesCannotSlipALineOfAnotherFactoryIntoABatch() {
        String own = newLine(MUNICH);
        String foreign = newLine(otherFactory);
        Instant t = ago(Duration.ofMinutes(10));
        JsonPath answer = batch(asMes(MUNICH), List.of(
                item(own, report("x-1", t, "RUNNING", null, 3, 0)),
                item(foreign, report("x-2", t, "DOWN", "POWER", 0, 0)),
                item("UK-BRS-" + uniqueId("L").toUpperCase(), report("x-3", t, "RUNNING", null, 0, 0)),
                item(lineId("de", "NONE"), report("x-4", t, "RUNNING", null, 0, 0)),
                item(foreign, report("x-5", t.plusSeconds(1), "RUNNING", null, 7, 0))));

        assertThat(answer.getList("results.status", Integer.class)).containsExactly(201, 403, 404, 404, 403);
        assertThat(answer.getString("results[1].problem.detail")).contains(foreign);
        // the manufacturer of the other factory finds its line untouched
        asMaker(otherFactory).get("/api/lines/{id}/status-reports", foreign).then().body("total", equalTo(0));
        asMaker(otherFactory).get("/api/lines/{id}", foreign).then().body("lastReportId", nullValue());
        // and the other factory's own people may report on it in a batch
        JsonPath theirs = batch(asMaker(otherFactory), List.of(item(foreign, report("x-2", t, "DOWN", "POWER", 0, 0)),
                item(own, report("x-9", t, "RUNNING", null, 0, 0))));
        assertThat(theirs.getList("results.status", Integer.class)).containsExactly(201, 403);

        // roles that may not report are refused for the whole batch, as for a single report
        for (String role : List.of(Roles.ORDER_DESK, Roles.NETWORK_ADMIN)) {
            asRole(role).contentType(ContentType.JSON).body(Map.of("reports", List.of(item(own,
                    report("x-6", t, "RUNNING", null, 0, 0))))).post(BATCH).then().statusCode(403);
        }
        awaitQuiet(own);
        assertThat(lineOutput.eventsFor(foreign)).isEmpty();
        assertThat(lineOutput.eventsFor(own)).hasSize(1);
    }

    @Test
    void onlyAMalformedBatchIsRefusedAsAWhole() {
        String line = newLine(MUNICH);
        Instant t = ago(Duration.ofMinutes(5));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= StatusReportBatchRequest.MAX_ITEMS; i++) {
            tooMany.add(item(line, report("big-" + i, t.plusMillis(i), "RUNNING", null, 1, 0)));
        }
        asMes(MUNICH).contentType(ContentType.JSON).body(Map.of("reports", tooMany)).post(BATCH).then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", contains("reports"));
        asMes(MUNICH).contentType(ContentType.JSON).body(Map.of("reports", List.of())).post(BATCH).then()
                .statusCode(400).body("errors.field", contains("reports"));
        asMes(MUNICH).contentType(ContentType.JSON).body("{}").post(BATCH).then()
                .statusCode(400).body("errors.field", contains("reports"));
        asMes(MUNICH).contentType(ContentType.JSON).body("{\"reports\": {\"lineId\": \"x\"}}").post(BATCH).then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        asMes(MUNICH).contentType(ContentType.JSON).body("[{\"lineId\":").post(BATCH).then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        // a batch for another region's instance
        asMes(MUNICH).contentType(ContentType.JSON).body(Map.of("reports", tooMany.subList(0, 1)))
                .post("/api/regions/uk/status-reports").then().statusCode(404);
        asMes(MUNICH).get("/api/lines/{id}/status-reports", line).then().body("total", equalTo(0));

        // the largest batch is taken whole, and each of its reports once
        List<Map<String, Object>> largest = tooMany.subList(0, StatusReportBatchRequest.MAX_ITEMS);
        JsonPath answer = batch(asMes(MUNICH), largest);
        assertThat(answer.getList("results.status", Integer.class)).hasSize(StatusReportBatchRequest.MAX_ITEMS)
                .containsOnly(201);
        asMes(MUNICH).get("/api/lines/{id}/status-reports?size=1", line).then()
                .body("total", equalTo(StatusReportBatchRequest.MAX_ITEMS));
        assertThat(lineOutput.awaitEvents(line, StatusReportBatchRequest.MAX_ITEMS))
                .hasSize(StatusReportBatchRequest.MAX_ITEMS);
    }

    private static JsonPath batch(RequestSpecification as, List<?> items) {
        Response answer = as.contentType(ContentType.JSON).body(Map.of("reports", items)).post(BATCH);
        answer.then().statusCode(207).contentType(ContentType.JSON).body("results", hasSize(items.size()));
        return answer.jsonPath();
    }

    private static Map<String, Object> item(String lineId, Map<String, Object> report) {
        return Map.of("lineId", lineId, "report", report);
    }

    private static Instant ago(Duration duration) {
        return Instant.now().minus(duration).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String newLine(String factory) {
        String id = lineId("de", "BAT");
        registerLine(id, factory, 240);
        return id;
    }

    /** Waits for a marker event after everything of the line, so that nothing more is on its way. */
    private static void awaitQuiet(String lineId) {
        String marker = newLine(MUNICH);
        postReport(asMaker(MUNICH), marker, report("marker", Instant.now(), "RUNNING", null, 1, 0)).statusCode(201);
        lineOutput.awaitEvents(marker, 1);
    }
}
