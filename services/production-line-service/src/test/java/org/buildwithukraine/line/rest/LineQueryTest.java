package org.buildwithukraine.line.rest;

import static org.buildwithukraine.line.Requests.asMaker;
import static org.buildwithukraine.line.Requests.asNetworkAdmin;
import static org.buildwithukraine.line.Requests.asRole;
import static org.buildwithukraine.line.Requests.line;
import static org.buildwithukraine.line.Requests.lineId;
import static org.buildwithukraine.line.Requests.postReport;
import static org.buildwithukraine.line.Requests.atServerTime;
import static org.buildwithukraine.line.Requests.registerLine;
import static org.buildwithukraine.line.Requests.report;
import static org.buildwithukraine.line.Requests.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.line.Events;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LineQueryTest {

    private static String factory;
    private static String otherFactory;
    private static String fpvLine;
    private static String reconLine;
    private static String otherLine;
    private static String historyLine;
    private static final List<Instant> HOURS = new ArrayList<>();

    @BeforeEach
    void network() {
        if (factory != null) {
            return;
        }
        factory = uniqueId("de-augsburg");
        otherFactory = uniqueId("de-leipzig");
        Events.activeManufacturer(factory);
        Events.activeManufacturer(otherFactory);
        fpvLine = lineId("de", "AUG");
        reconLine = lineId("de", "AUG");
        otherLine = lineId("de", "LEJ");
        registerLine(fpvLine, factory, 240);
        asMaker(factory).body(line(factory, "UA-RECON-3", 80)).put("/api/lines/{id}", reconLine).then()
                .statusCode(201);
        registerLine(otherLine, otherFactory, 240);
        postReport(asMaker(factory), fpvLine, report("run", Instant.now(), "RUNNING", null, 0, 0)).statusCode(201);

        historyLine = lineId("de", "AUG");
        registerLine(historyLine, factory, 240);
        Instant start = Instant.now().minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < 5; i++) {
            HOURS.add(start.plus(Duration.ofHours(i)));
            postReport(asMaker(factory), historyLine, report("h" + i, HOURS.get(i), i % 2 == 0 ? "IDLE" : "RUNNING",
                    null, i, 0)).statusCode(201);
        }
    }

    @Test
    void filtersCombine() {
        asRole(Roles.ORDER_DESK).queryParam("factoryId", factory).get("/api/lines").then().statusCode(200)
                .body("total", equalTo(3)).body("items.factoryId", everyItem(equalTo(factory)));
        asRole(Roles.ORDER_DESK).queryParam("factoryId", factory).queryParam("technology", "UA-RECON-3")
                .get("/api/lines").then().body("items.lineId", contains(reconLine));
        asRole(Roles.ORDER_DESK).queryParam("factoryId", factory).queryParam("state", "RUNNING").get("/api/lines")
                .then().body("items.lineId", contains(fpvLine));
        asRole(Roles.ORDER_DESK).queryParam("state", "RUNNING").get("/api/lines").then()
                .body("items.state", everyItem(equalTo("RUNNING")));
        asRole(Roles.ORDER_DESK).queryParam("factoryId", factory).queryParam("size", 1).queryParam("page", 1)
                .get("/api/lines").then()
                .body("total", equalTo(3)).body("items", hasSize(1)).body("page", equalTo(1));
    }

    @Test
    void aManufacturerSeesOnlyItsOwnFactorysLines() {
        asMaker(factory).get("/api/lines").then().statusCode(200)
                .body("total", equalTo(3)).body("items.factoryId", everyItem(equalTo(factory)));
        asMaker(factory).queryParam("factoryId", otherFactory).get("/api/lines").then().statusCode(200)
                .body("total", equalTo(0));
        asRole(Roles.MANUFACTURER).get("/api/lines").then().statusCode(200).body("total", equalTo(0));

        asMaker(factory).get("/api/lines/{id}", fpvLine).then().statusCode(200);
        asMaker(factory).get("/api/lines/{id}", otherLine).then().statusCode(403)
                .contentType("application/problem+json");
        asMaker(factory).get("/api/lines/{id}/status-reports", otherLine).then().statusCode(403);
        asMaker(factory).queryParam("date", "2025-03-10").get("/api/lines/{id}/oee", otherLine).then()
                .statusCode(403);
        asMaker(factory).get("/api/lines/{id}/allocations", otherLine).then().statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.ORDER_DESK, Roles.OPERATOR, Roles.TECHNOLOGY_OFFICER, Roles.NETWORK_ADMIN })
    void networkRolesReadEveryLine(String role) {
        asRole(role).get("/api/lines/{id}", otherLine).then().statusCode(200)
                .body("factoryId", equalTo(otherFactory)).body("region", equalTo("de"));
        asRole(role).get("/api/lines/{id}/status-reports", otherLine).then().statusCode(200);
        asRole(role).queryParam("date", "2025-03-10").get("/api/lines/{id}/oee", otherLine).then().statusCode(200);
    }

    @Test
    void aSignedInCallerWithoutPlatformRoleIsForbidden() {
        asRole("visitor").get("/api/lines").then().statusCode(403).contentType("application/problem+json");
        asRole("visitor").get("/api/lines/{id}", fpvLine).then().statusCode(403);
    }

    @Test
    void theCurrentStateCarriesTheLatestReport() {
        asRole(Roles.OPERATOR).get("/api/lines/{id}", historyLine).then().statusCode(200)
                .body("state", equalTo("IDLE"))
                .body("lastReportId", equalTo("h4"))
                .body("lastReportObservedAt", equalTo(HOURS.get(4).toString()))
                .body("stateSince", equalTo(HOURS.get(4).toString()))
                .body("downtimeReason", nullValue());
    }

    @Test
    void historyIsPagedByTimeRangeNewestFirst() {
        asMaker(factory).get("/api/lines/{id}/status-reports", historyLine).then().statusCode(200)
                .body("total", equalTo(5)).body("items.reportId", contains("h4", "h3", "h2", "h1", "h0"));
        asMaker(factory).queryParam("from", HOURS.get(1).toString()).queryParam("to", HOURS.get(4).toString())
                .get("/api/lines/{id}/status-reports", historyLine).then()
                .body("total", equalTo(3)).body("items.reportId", contains("h3", "h2", "h1"))
                .body("items[0].state", equalTo("RUNNING")).body("items[0].goodUnits", equalTo(3));
        asMaker(factory).queryParam("from", HOURS.get(1).toString()).queryParam("size", 2).queryParam("page", 1)
                .get("/api/lines/{id}/status-reports", historyLine).then()
                .body("total", equalTo(4)).body("items.reportId", contains("h2", "h1"));
        asMaker(factory).get("/api/lines/{id}/status-reports/{report}", historyLine, "h2").then().statusCode(200)
                .body("goodUnits", equalTo(2));
        asMaker(factory).get("/api/lines/{id}/status-reports/{report}", historyLine, "nope").then()
                .statusCode(404);
    }

    @Test
    void badQueriesAreNamed() {
        asRole(Roles.ORDER_DESK).queryParam("state", "SLEEPING").queryParam("size", 1000).queryParam("page", -1)
                .get("/api/lines").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("page", "size", "state"));
        asMaker(factory).queryParam("from", "last tuesday").get("/api/lines/{id}/status-reports", historyLine)
                .then().statusCode(400).body("errors.field", contains("from"));
        asMaker(factory).queryParam("from", HOURS.get(2).toString()).queryParam("to", HOURS.get(1).toString())
                .get("/api/lines/{id}/status-reports", historyLine).then().statusCode(400)
                .body("errors.field", contains("to"));
        asMaker(factory).get("/api/lines/{id}/oee", historyLine).then().statusCode(400)
                .body("errors.field", contains("date"));
        asMaker(factory).queryParam("date", "2025-02-30").get("/api/lines/{id}/oee", historyLine).then()
                .statusCode(400).body("errors.field", contains("date"));
        asMaker(factory).queryParam("date", LocalDate.now().plusDays(2).toString())
                .get("/api/lines/{id}/oee", historyLine).then().statusCode(400).body("errors.field", contains("date"));
        asNetworkAdmin().get("/api/lines/{id}", lineId("de", "NONE")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    /**
     * The day of {@code OeeTest.aKnownDayComputedByHand}, reported through the API (Berlin time, capacity 240/day
     * = 10/h), some reports arriving late: IDLE since the evening before; 06:00 RUNNING; 10:00 DOWN 36+2;
     * 11:00 RUNNING; 14:00 MAINTENANCE 28+2; 16:00 RUNNING; 18:00 IDLE 16+0.
     * Planned = 4+1+3+2 = 10 h, running 9 h → availability 0.9; units 84 of an ideal 90 → performance 0.9333;
     * quality 80/84 = 0.9524; OEE = 80 good / 100 ideal in the planned time = 0.8.
     */
    @Test
    void oeeOfAKnownDay() {
        String id = lineId("de", "LEJ");
        LocalDate day = LocalDate.of(2025, 3, 10);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        registerLine(id, otherFactory, 240,
                Duration.between(day.minusDays(2).atStartOfDay(berlin).toInstant(), Instant.now()));
        Object[][] reports = {
                { "evening", day.minusDays(1).atTime(22, 0), "IDLE", 0, 0 },
                { "r0600", day.atTime(6, 0), "RUNNING", 0, 0 },
                { "r1100", day.atTime(11, 0), "RUNNING", 0, 0 },
                { "r1400", day.atTime(14, 0), "MAINTENANCE", 28, 2 },
                // arrives after the 11:00 and 14:00 reports: history only, but OEE takes it at its time
                { "r1000", day.atTime(10, 0), "DOWN", 36, 2 },
                { "r1600", day.atTime(16, 0), "RUNNING", 0, 0 },
                { "r1800", day.atTime(18, 0), "IDLE", 16, 0 },
                { "next-day", day.plusDays(1).atTime(LocalTime.of(6, 0)), "RUNNING", 500, 500 } };
        // reported two days after the day, by the service's clock: within the report window
        atServerTime(day.plusDays(2).atStartOfDay(berlin).toInstant(), () -> {
            for (Object[] r : reports) {
                Instant at = ((LocalDateTime) r[1]).atZone(berlin).toInstant();
                String state = (String) r[2];
                String reason = state.equals("DOWN") ? "BREAKDOWN" : null;
                postReport(asMaker(otherFactory), id, report((String) r[0], at, state, reason,
                        (Integer) r[3], (Integer) r[4])).statusCode(201);
            }
        });
        asRole(Roles.ORDER_DESK).queryParam("date", "2025-03-10").get("/api/lines/{id}/oee", id).then()
                .statusCode(200)
                .body("lineId", equalTo(id))
                .body("date", equalTo("2025-03-10"))
                .body("zone", equalTo("Europe/Berlin"))
                .body("from", equalTo("2025-03-09T23:00:00Z"))
                .body("to", equalTo("2025-03-10T23:00:00Z"))
                .body("nominalCapacityPerDay", equalTo(240))
                .body("plannedSeconds", equalTo(36_000))
                .body("runningSeconds", equalTo(32_400))
                .body("goodUnits", equalTo(80))
                .body("scrapUnits", equalTo(4))
                .body("idealUnits", equalTo(90.0f))
                .body("availability", equalTo(0.9f))
                .body("performance", equalTo(0.9333f))
                .body("quality", equalTo(0.9524f))
                .body("oee", equalTo(0.8f));
        // a day without any report: nothing planned, nothing to rate
        asRole(Roles.ORDER_DESK).queryParam("date", "2025-03-01").get("/api/lines/{id}/oee", id).then()
                .statusCode(200).body("plannedSeconds", equalTo(0)).body("oee", nullValue())
                .body("availability", nullValue());
    }
}
