package org.buildwithukraine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.e2e.Api.PROBLEM_JSON;
import static org.buildwithukraine.e2e.Api.asClient;
import static org.buildwithukraine.e2e.Api.asUser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The mission, points 2 to 7 of the issue, as the people and machines of the network live it: every request
 * goes through the gateway with a real Keycloak token, every fact is read back through the public API. Steps
 * build on each other; after a failed step the rest are skipped.
 */
@Order(2)
@DisplayName("2-7. The mission through the gateway")
@ExtendWith(StopAfterFirstFailure.class)
class MissionIT {

    static final String FPV = "UA-FPV-7";
    static final String RECON = "UA-RECON-3";
    /** Other services learn of changes through Kafka: what they show settles within this. */
    static final Duration SETTLE = Duration.ofSeconds(30);

    static String fpvLicence;
    static String uaOrder;
    static String exportOrder;

    // ---- 2. registration, licensing, lines ----------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("2. the network admin registers factories and an export centre and activates them")
    void networkAdminRegistersFactories() {
        register("de-munich", "Munich drone works", "DE", "MANUFACTURER", List.of("FPV_DRONE"));
        register("uk-bristol", "Bristol UAV works", "GB", "MANUFACTURER", List.of("RECON_UAV"));
        register("ee-tallinn", "Tallinn export centre", "EE", "EXPORT_CENTRE", List.of());

        asUser("netadmin").body(Map.of("id", "de-munich", "name", "again", "country", "DE", "kind", "MANUFACTURER"))
                .post("/api/factories")
                .then().statusCode(409).contentType(startsWith(PROBLEM_JSON));

        for (String factory : List.of("de-munich", "uk-bristol", "ee-tallinn")) {
            asUser("netadmin").body(Map.of("status", "ACTIVE", "reason", "onboarding complete"))
                    .post("/api/factories/{id}/status", factory)
                    .then().statusCode(200).body("status", equalTo("ACTIVE"));
        }
        asUser("desk").queryParam("kind", "EXPORT_CENTRE").get("/api/factories")
                .then().statusCode(200).body("items.id", equalTo(List.of("ee-tallinn")));
    }

    @Test
    @Order(2)
    @DisplayName("2. the officer adds the technologies and grants each factory a licence")
    void officerGrantsLicences() {
        asUser("officer").body(Map.of("code", FPV, "name", "FPV strike drone", "category", "FPV_DRONE",
                "controlListEntry", "ML10", "owner", "Ukraine")).post("/api/technologies").then().statusCode(201);
        asUser("officer").body(Map.of("code", RECON, "name", "Reconnaissance UAV", "category", "RECON_UAV",
                "controlListEntry", "ML10", "owner", "Ukraine")).post("/api/technologies").then().statusCode(201);

        // the licence service learns of the new factories through factory.events
        fpvLicence = grant("de-munich", FPV, List.of("PRODUCE", "EXPORT"), 5000, List.of("EE", "LV", "LT", "FI"));
        grant("uk-bristol", RECON, List.of("PRODUCE"), 1000, List.of());

        asUser("officer").get("/api/licences/{id}/audit", fpvLicence)
                .then().statusCode(200).body("[0].actor", equalTo("officer"));
        // a manufacturer sees the licences of its own factory only
        asUser("maker-de").get("/api/licences")
                .then().statusCode(200).body("items.factoryId", equalTo(List.of("de-munich")));
        // another factory's licence is as good as absent to it
        asUser("maker-uk").get("/api/licences/{id}", fpvLicence)
                .then().statusCode(404).contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    @Order(3)
    @DisplayName("2. manufacturers register their lines and report; another factory's manufacturer is refused")
    void manufacturersRegisterLinesAndReport() {
        registerLine("maker-de", "DE-MUC-01", "de-munich", FPV, 400);
        registerLine("maker-de", "DE-MUC-02", "de-munich", FPV, 250);
        registerLine("maker-uk", "UK-BRS-01", "uk-bristol", RECON, 60);

        // the factory comes from the token: maker-uk cannot register a line for de-munich
        asUser("maker-uk").body(Map.of("factoryId", "de-munich", "technologyCode", FPV, "nominalCapacityPerDay", 10))
                .put("/api/lines/{id}", "DE-MUC-09")
                .then().statusCode(403).contentType(startsWith(PROBLEM_JSON));

        report("maker-de", "DE-MUC-01", "RUNNING", null, 0);
        asUser("maker-de").get("/api/lines/{id}", "DE-MUC-01")
                .then().statusCode(200).body("state", equalTo("RUNNING")).body("region", equalTo("de"));

        asUser("maker-uk").body(statusReport("DOWN", "SECURITY", 0)).post("/api/lines/{id}/status-reports", "DE-MUC-01")
                .then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
        asUser("maker-de").get("/api/lines/{id}", "DE-MUC-01").then().body("state", equalTo("RUNNING"));

        // the gateway merges the regions; a manufacturer sees its own factory's lines only
        asUser("desk").get("/api/lines")
                .then().statusCode(200).body("items.lineId", equalTo(List.of("DE-MUC-01", "DE-MUC-02", "UK-BRS-01")));
        asUser("maker-uk").get("/api/lines")
                .then().statusCode(200).body("items.lineId", equalTo(List.of("UK-BRS-01")));
        asUser("desk").get("/api/lines/{id}", "PL-GDN-01")
                .then().statusCode(404).contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    @Order(4)
    @DisplayName("3. the factory's MES reports with a client-credentials token, for its own factory's lines only")
    void mesClientReports() {
        Map<String, Object> body = statusReport("RUNNING", null, 0);
        Response first = asClient("mes-de-munich").body(body).post("/api/lines/{id}/status-reports", "DE-MUC-02");
        first.then().statusCode(201).body("reportedBy", startsWith("service-account-mes-de-munich"));

        // the MES retries after a lost answer: same report id, same answer, nothing doubled
        Response again = asClient("mes-de-munich").body(body).post("/api/lines/{id}/status-reports", "DE-MUC-02");
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.jsonPath().getString("receivedAt")).isEqualTo(first.jsonPath().getString("receivedAt"));

        asClient("mes-uk-bristol").body(statusReport("DOWN", "POWER", 0))
                .post("/api/lines/{id}/status-reports", "DE-MUC-02")
                .then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
        asUser("desk").get("/api/lines/{id}", "DE-MUC-02").then().body("state", equalTo("RUNNING"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static void register(String id, String name, String country, String kind, List<String> capabilities) {
        asUser("netadmin").body(Map.of("id", id, "name", name, "country", country, "kind", kind,
                "capabilities", capabilities))
                .post("/api/factories")
                .then().statusCode(201).body("status", equalTo("ONBOARDING"));
    }

    /** Grants a licence valid from today for two years, once the licence service knows the factory. */
    private static String grant(String factory, String technology, List<String> activities, long cap,
            List<String> territories) {
        Map<String, Object> body = Map.of("technologyCode", technology, "factoryId", factory,
                "activities", activities, "quantityCap", cap, "validFrom", LocalDate.now().toString(),
                "validTo", LocalDate.now().plusYears(2).toString(), "exportTerritories", territories,
                "reason", "e2e mission");
        JsonPath granted = await().atMost(SETTLE).until(
                () -> asUser("officer").body(body).post("/api/licences"),
                response -> response.statusCode() == 201).jsonPath();
        assertThat(granted.getString("status")).isEqualTo("GRANTED");
        assertThat(granted.getString("grantedBy")).isEqualTo("officer");
        return granted.getString("id");
    }

    /** Registers a line once the region's production-line service knows its factory is ACTIVE. */
    private static void registerLine(String user, String lineId, String factory, String technology, int capacity) {
        Map<String, Object> body = Map.of("factoryId", factory, "technologyCode", technology,
                "nominalCapacityPerDay", capacity);
        Response registered = await().atMost(SETTLE).until(
                () -> asUser(user).body(body).put("/api/lines/{id}", lineId),
                response -> response.statusCode() == 201);
        assertThat(registered.jsonPath().getString("region")).isEqualTo(lineId.substring(0, 2).toLowerCase());
    }

    static Map<String, Object> statusReport(String state, String reason, long goodUnits) {
        var report = new java.util.HashMap<String, Object>(Map.of("reportId", "e2e-" + UUID.randomUUID(),
                "observedAt", Instant.now().toString(), "state", state, "goodUnits", goodUnits, "scrapUnits", 0));
        if (reason != null) {
            report.put("reason", reason);
        }
        return report;
    }

    static JsonPath report(String user, String lineId, String state, String reason, long goodUnits) {
        return asUser(user).body(statusReport(state, reason, goodUnits))
                .post("/api/lines/{id}/status-reports", lineId)
                .then().statusCode(201).extract().jsonPath();
    }
}
