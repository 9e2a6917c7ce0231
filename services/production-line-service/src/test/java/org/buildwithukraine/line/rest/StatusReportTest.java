package org.buildwithukraine.line.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.line.Requests.REGISTERED_AGO;
import static org.buildwithukraine.line.Requests.asMaker;
import static org.buildwithukraine.line.Requests.asMes;
import static org.buildwithukraine.line.Requests.asNetworkAdmin;
import static org.buildwithukraine.line.Requests.asRole;
import static org.buildwithukraine.line.Requests.lineId;
import static org.buildwithukraine.line.Requests.postReport;
import static org.buildwithukraine.line.Requests.registerLine;
import static org.buildwithukraine.line.Requests.report;
import static org.buildwithukraine.line.Requests.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import io.restassured.response.Response;

@QuarkusTest
class StatusReportTest {

    @RegisterExtension
    static final TopicRecorder lineStatus = TopicRecorder.of(Topics.LINE_STATUS);
    @RegisterExtension
    static final TopicRecorder lineOutput = TopicRecorder.of(Topics.LINE_OUTPUT);

    /** The factory the MES client of the platform's demo acts for. */
    private static final String MUNICH = "de-munich";

    private static String otherFactory;

    @BeforeEach
    void factories() {
        if (otherFactory == null) {
            otherFactory = uniqueId("de-dresden");
            Events.activeManufacturer(MUNICH);
            Events.activeManufacturer(otherFactory);
        }
    }

    @Test
    void everyStateTransitionIsAnnouncedAndARepeatedStateIsNot() {
        String id = newLine();
        Instant t = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        String[][] reports = {
                { "RUNNING", null }, { "IDLE", null }, { "DOWN", "BREAKDOWN" }, { "DOWN", "POWER" },
                { "MAINTENANCE", null }, { "RETOOLING", null }, { "RUNNING", null }, { "RUNNING", null } };
        for (int i = 0; i < reports.length; i++) {
            Instant observedAt = t.plus(Duration.ofMinutes(10L * i));
            postReport(asMaker(MUNICH), id, report("r" + i, observedAt, reports[i][0], reports[i][1], 0, 0))
                    .statusCode(201).body("current", equalTo(true));
        }
        asMaker(MUNICH).get("/api/lines/{id}", id).then().statusCode(200)
                .body("state", equalTo("RUNNING"))
                .body("downtimeReason", nullValue())
                // RUNNING since the 7th report: the 8th only confirmed it
                .body("stateSince", equalTo(t.plus(Duration.ofMinutes(60)).toString()))
                .body("lastReportId", equalTo("r7"));

        List<EventEnvelope> events = awaitQuiet(lineStatus, id, 8);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("LineRegistered",
                "LineStatusChanged", "LineStatusChanged", "LineStatusChanged", "LineStatusChanged",
                "LineStatusChanged", "LineStatusChanged", "LineStatusChanged");
        assertThat(events.stream().skip(1).map(e -> e.payload().get("state").asText()))
                .containsExactly("RUNNING", "IDLE", "DOWN", "DOWN", "MAINTENANCE", "RETOOLING", "RUNNING");
        assertThat(events.get(3).payload().get("downtimeReason").asText()).isEqualTo("BREAKDOWN");
        assertThat(events.get(4).payload().get("downtimeReason").asText()).isEqualTo("POWER");
        assertThat(events.get(3).payload().get("stateSince").asText())
                .isEqualTo(t.plus(Duration.ofMinutes(20)).toString());
        assertThat(events.get(1).actor()).isEqualTo("maker-" + MUNICH);
        assertThat(events.get(1).payload().get("region").asText()).isEqualTo("de");
    }

    @Test
    void theSameReportAgainAnswersAsTheFirstTimeAndAnotherUnderItsIdIsAConflict() {
        String id = newLine();
        Instant observedAt = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> first = report("mes-4711", observedAt, "RUNNING", null, 40, 2);
        Response answer = asMes(MUNICH).body(first).post("/api/lines/{id}/status-reports", id);
        answer.then().statusCode(201).body("goodUnits", equalTo(40)).body("current", equalTo(true));
        assertThat(answer.header(StatusReportResource.REPLAYED_HEADER)).isNull();

        // a retry after a lost answer gets the first answer back, with the reportId sent as the header too or not
        Response replay = asMes(MUNICH).body(first).post("/api/lines/{id}/status-reports", id);
        replay.then().statusCode(201).header(StatusReportResource.REPLAYED_HEADER, "true")
                .header("Location", answer.header("Location"));
        assertThat(replay.asString()).isEqualTo(answer.asString());
        Response keyed = asMes(MUNICH).header("Idempotency-Key", "mes-4711").body(first)
                .post("/api/lines/{id}/status-reports", id);
        keyed.then().statusCode(201).header(StatusReportResource.REPLAYED_HEADER, "true");
        assertThat(keyed.asString()).isEqualTo(answer.asString());

        // another report under a taken reportId is a conflict naming it, as for every Idempotency-Key
        for (Map<String, Object> changed : List.of(
                report("mes-4711", observedAt.plusSeconds(60), "DOWN", "POWER", 99, 9),
                report("mes-4711", observedAt, "RUNNING", null, 41, 2),
                report("mes-4711", observedAt.plusNanos(1_000), "RUNNING", null, 40, 2))) {
            asMes(MUNICH).body(changed).post("/api/lines/{id}/status-reports", id).then()
                    .statusCode(409).contentType(startsWith("application/problem+json"))
                    .body("detail", startsWith("reportId mes-4711 was already used for a different request"));
        }
        // a header that is not the reportId is refused before anything is read
        asMes(MUNICH).header("Idempotency-Key", "other-key").body(first).post("/api/lines/{id}/status-reports", id)
                .then().statusCode(400).body("errors.field", contains("Idempotency-Key"));

        asMes(MUNICH).get("/api/lines/{id}", id).then().body("state", equalTo("RUNNING"));
        asMes(MUNICH).get("/api/lines/{id}/status-reports", id).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].goodUnits", equalTo(40));
        assertThat(awaitQuiet(lineOutput, id, 1)).hasSize(1);
        assertThat(awaitQuiet(lineStatus, id, 2)).extracting(EventEnvelope::type)
                .containsExactly("LineRegistered", "LineStatusChanged");
    }

    @Test
    void concurrentDuplicatesAreTakenOnce() throws Exception {
        String id = newLine();
        Map<String, Object> body = report("burst-1", Instant.now().minusSeconds(60), "RUNNING", null, 7, 1);
        ExecutorService senders = Executors.newFixedThreadPool(6);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> asMes(MUNICH).body(body).post("/api/lines/{id}/status-reports", id));
        }
        try {
            List<String> answers = new ArrayList<>();
            for (Future<Response> future : senders.invokeAll(calls)) {
                Response response = future.get();
                assertThat(response.statusCode()).isEqualTo(201);
                answers.add(response.asString());
            }
            assertThat(answers).containsOnly(answers.get(0));
        } finally {
            senders.shutdown();
        }
        asMes(MUNICH).get("/api/lines/{id}/status-reports", id).then().body("total", equalTo(1));
        assertThat(awaitQuiet(lineOutput, id, 1)).hasSize(1);
        assertThat(awaitQuiet(lineStatus, id, 2)).hasSize(2);
    }

    @Test
    void aLateReportIsKeptInHistoryButDoesNotChangeTheCurrentState() {
        String id = newLine();
        Instant ten = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        postReport(asMaker(MUNICH), id, report("at-10", ten, "RUNNING", null, 5, 0)).statusCode(201);
        // observed five minutes earlier, arriving later (a device that was offline)
        postReport(asMaker(MUNICH), id, report("at-955", ten.minus(Duration.ofMinutes(5)), "DOWN", "BREAKDOWN", 3, 1))
                .statusCode(201).body("current", equalTo(false)).body("state", equalTo("DOWN"));

        asMaker(MUNICH).get("/api/lines/{id}", id).then()
                .body("state", equalTo("RUNNING")).body("lastReportId", equalTo("at-10"));
        asMaker(MUNICH).get("/api/lines/{id}/status-reports", id).then()
                .body("total", equalTo(2))
                .body("items.reportId", contains("at-10", "at-955"))
                .body("items.current", contains(true, false));
        // the state did not change for the late report; its units were still made and are reported
        assertThat(awaitQuiet(lineStatus, id, 2)).extracting(e -> e.payload().get("state").asText())
                .containsExactly("IDLE", "RUNNING");
        List<EventEnvelope> output = awaitQuiet(lineOutput, id, 2);
        assertThat(output).extracting(e -> e.payload().get("reportId").asText()).containsExactly("at-10", "at-955");
        assertThat(output.get(1).payload().get("goodUnits").asLong()).isEqualTo(3);
        assertThat(output.get(1).payload().get("scrapUnits").asLong()).isEqualTo(1);
    }

    @Test
    void downRequiresAReasonAndNothingElseTakesOne() {
        String id = newLine();
        Instant now = Instant.now();
        postReport(asMaker(MUNICH), id, report("down-1", now, "DOWN", null, 0, 0))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("reason"))
                .body("errors[0].message", equalTo("is required when the state is DOWN, and only then"));
        postReport(asMaker(MUNICH), id, report("down-2", now, "DOWN", "GREMLINS", 0, 0))
                .statusCode(400).body("errors.field", contains("reason"));
        postReport(asMaker(MUNICH), id, report("run-1", now, "RUNNING", "POWER", 0, 0))
                .statusCode(400).body("errors.field", contains("reason"));
        asMaker(MUNICH).get("/api/lines/{id}/status-reports", id).then().body("total", equalTo(0));
        asMaker(MUNICH).get("/api/lines/{id}", id).then().body("state", equalTo("IDLE"));
        // the same id, now valid, is taken: a refused request did not use it up
        postReport(asMaker(MUNICH), id, report("down-1", now, "DOWN", "POWER", 0, 0)).statusCode(201);
    }

    @Test
    void invalidReportsNameEachField() {
        String id = newLine();
        Map<String, Object> bad = report("no spaces allowed", Instant.now(), "SLEEPING", null, -1, -2);
        postReport(asMaker(MUNICH), id, bad).statusCode(400)
                .body("errors.field", contains("goodUnits", "reportId", "scrapUnits", "state"));
        asMaker(MUNICH).body(Map.of()).post("/api/lines/{id}/status-reports", id).then().statusCode(400)
                .body("errors.field", contains("goodUnits", "observedAt", "reportId", "scrapUnits", "state"));
        asMaker(MUNICH).body(Map.of("reportId", "x", "observedAt", "yesterday", "state", "IDLE", "goodUnits", 0,
                "scrapUnits", 0)).post("/api/lines/{id}/status-reports", id).then().statusCode(400)
                .body("errors.field", contains("observedAt"));
    }

    @Test
    void observedAtTooFarInTheFutureIsRefused() {
        String id = newLine();
        postReport(asMaker(MUNICH), id, report("future", Instant.now().plus(Duration.ofMinutes(10)), "RUNNING",
                null, 0, 0)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("observedAt"));
        asMaker(MUNICH).get("/api/lines/{id}/status-reports", id).then().body("total", equalTo(0));
        // a device clock a minute ahead is tolerated
        postReport(asMaker(MUNICH), id, report("skewed", Instant.now().plus(Duration.ofMinutes(1)), "RUNNING",
                null, 0, 0)).statusCode(201);
    }

    @Test
    void reportsFromBeforeTheLinesRegistrationOrBeyondTheWindowAreRefusedAndChangeNothing() {
        String old = lineId("de", "MUC");
        registerLine(old, MUNICH, 240, Duration.ofDays(30));
        String young = newLine();
        Instant now = Instant.now();
        postReport(asMes(MUNICH), old, report("from-2001", Instant.parse("2001-06-01T08:00:00Z"), "RUNNING", null,
                5000, 0)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("observedAt"))
                .body("errors[0].message", startsWith("lies before the line was registered"));
        postReport(asMes(MUNICH), old, report("last-week", now.minus(Duration.ofDays(8)), "RUNNING", null, 40, 0))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("observedAt"))
                .body("errors[0].message", startsWith("lies more than 7 days in the past"));
        postReport(asMaker(MUNICH), young, report("before-registration",
                now.minus(REGISTERED_AGO).minus(Duration.ofHours(1)), "RUNNING", null, 40, 0))
                .statusCode(400).body("errors.field", contains("observedAt"))
                .body("errors[0].message", startsWith("lies before the line was registered"));

        for (String line : List.of(old, young)) {
            asMaker(MUNICH).get("/api/lines/{id}/status-reports", line).then().body("total", equalTo(0));
            asMaker(MUNICH).get("/api/lines/{id}", line).then().body("state", equalTo("IDLE"))
                    .body("lastReportId", nullValue());
            assertThat(awaitQuiet(lineOutput, line, 0)).isEmpty();
            assertThat(awaitQuiet(lineStatus, line, 1)).extracting(EventEnvelope::type)
                    .containsExactly("LineRegistered");
        }
        // within the window and after registration, the same report ids are taken
        postReport(asMes(MUNICH), old, report("last-week", now.minus(Duration.ofDays(6)), "RUNNING", null, 40, 0))
                .statusCode(201).body("current", equalTo(true));
        postReport(asMaker(MUNICH), young, report("before-registration",
                now.minus(REGISTERED_AGO).plus(Duration.ofHours(1)), "RUNNING", null, 40, 0)).statusCode(201);
    }

    @Test
    void theFactorysMesClientReportsAndReadsItsLinesAndNothingElse() {
        String id = newLine();
        postReport(asMes(MUNICH), id, report("mes-1", Instant.now(), "RUNNING", null, 12, 0))
                .statusCode(201).body("reportedBy", equalTo("service-account-mes-" + MUNICH));
        assertThat(lineOutput.awaitEvents(id, 1).get(0).actor()).isEqualTo("service-account-mes-" + MUNICH);

        asMes(MUNICH).get("/api/lines/{id}", id).then().statusCode(200).body("state", equalTo("RUNNING"));
        asMes(MUNICH).get("/api/lines").then().statusCode(200).body("items.factoryId", everyItem(equalTo(MUNICH)));
        asMes(MUNICH).get("/api/lines/{id}/status-reports", id).then().statusCode(200).body("total", equalTo(1));
        asMes(MUNICH).get("/api/lines/{id}/status-reports/{report}", id, "mes-1").then().statusCode(200);
        asMes(MUNICH).queryParam("date", LocalDate.now(ZoneId.of("Europe/Berlin")).toString())
                .get("/api/lines/{id}/oee", id).then().statusCode(200);
        // not the work placed on the line, nor its registration history: those are for the factory's people
        asMes(MUNICH).get("/api/lines/{id}/allocations", id).then().statusCode(403)
                .contentType("application/problem+json");
        asMes(MUNICH).get("/api/lines/{id}/history", id).then().statusCode(403);

        // another factory's MES neither reports on the line nor reads it
        String other = lineId("de", "DRS");
        registerLine(other, otherFactory, 100);
        postReport(asMes(MUNICH), other, report("mes-2", Instant.now(), "DOWN", "SECURITY", 0, 0)).statusCode(403)
                .contentType("application/problem+json");
        asMes(MUNICH).get("/api/lines/{id}", other).then().statusCode(403);
        asMes(MUNICH).get("/api/lines/{id}/status-reports", other).then().statusCode(403);
        asNetworkAdmin().get("/api/lines/{id}", other).then().body("state", equalTo("IDLE"));
    }

    @Test
    void onlyAManufacturerOfTheLinesFactoryReports() {
        String id = newLine();
        Map<String, Object> body = report("intruder", Instant.now(), "DOWN", "SECURITY", 0, 0);
        postReport(asMaker(otherFactory), id, body).statusCode(403).contentType("application/problem+json");
        postReport(asMes(otherFactory), id, body).statusCode(403);
        postReport(asRole(Roles.MANUFACTURER), id, body).statusCode(403);
        for (String role : List.of(Roles.NETWORK_ADMIN, Roles.ORDER_DESK, Roles.OPERATOR,
                Roles.TECHNOLOGY_OFFICER)) {
            postReport(asRole(role), id, body).statusCode(403);
        }
        given().contentType(ContentType.JSON).body(body).post("/api/lines/{id}/status-reports", id).then()
                .statusCode(401).contentType("application/problem+json");
        asNetworkAdmin().get("/api/lines/{id}", id).then().body("state", equalTo("IDLE"));
        asNetworkAdmin().get("/api/lines/{id}/status-reports", id).then().body("total", equalTo(0));
    }

    @Test
    void reportsForAnUnknownLineAreNotFound() {
        postReport(asMaker(MUNICH), lineId("de", "NONE"), report("r1", Instant.now(), "IDLE", null, 0, 0))
                .statusCode(404).contentType("application/problem+json");
    }

    private static String newLine() {
        String id = lineId("de", "MUC");
        registerLine(id, MUNICH, 240);
        return id;
    }

    /** Waits for {@code count} events of the line, then for a later marker, so that nothing more is on its way. */
    private static List<EventEnvelope> awaitQuiet(TopicRecorder recorder, String lineId, int count) {
        recorder.awaitEvents(lineId, count);
        String marker = newLine();
        postReport(asMaker(MUNICH), marker, report("marker", Instant.now(), "RUNNING", null, 1, 0)).statusCode(201);
        recorder.awaitEvents(marker, 1);
        return recorder.eventsFor(lineId);
    }
}
