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
import java.time.ZoneOffset;
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

        // the MES reads its factory's lines, and registers none and requests no licence
        asClient("mes-de-munich").get("/api/lines/{id}", "DE-MUC-02").then().statusCode(200);
        asClient("mes-de-munich").body(Map.of("factoryId", "de-munich", "technologyCode", FPV,
                "nominalCapacityPerDay", 10)).put("/api/lines/{id}", "DE-MUC-09")
                .then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
        asClient("mes-de-munich").body(Map.of("technologyCode", FPV, "factoryId", "de-munich",
                "activities", List.of("PRODUCE"), "quantityCap", 10, "validFrom", today().toString(),
                "validTo", today().plusYears(1).toString(), "exportTerritories", List.of()))
                .post("/api/licences/requests")
                .then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    @Order(5)
    @DisplayName("3. a report from before the line's registration is refused; a manufacturer cannot raise capacity")
    void outputAlwaysCountsAndCapacityIsTheAdminsToRaise() {
        Map<String, Object> backdated = new java.util.HashMap<>(statusReport("RUNNING", null, 5000));
        backdated.put("observedAt", "2001-06-01T08:00:00Z");
        asUser("maker-de").body(backdated).post("/api/lines/{id}/status-reports", "DE-MUC-02")
                .then().statusCode(400).contentType(startsWith(PROBLEM_JSON))
                .body("errors[0].field", equalTo("observedAt"));

        Map<String, Object> raised = Map.of("factoryId", "de-munich", "technologyCode", FPV,
                "nominalCapacityPerDay", 260);
        asUser("maker-de").body(raised).put("/api/lines/{id}", "DE-MUC-02")
                .then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
        asUser("netadmin").body(raised).put("/api/lines/{id}", "DE-MUC-02")
                .then().statusCode(200).body("nominalCapacityPerDay", equalTo(260));
        asUser("desk").get("/api/lines/{id}/history", "DE-MUC-02").then().statusCode(200)
                .body("items[0].changedBy", equalTo("netadmin"))
                .body("items[0].before.nominalCapacityPerDay", equalTo(250))
                .body("items[0].after.nominalCapacityPerDay", equalTo(260));
        asUser("officer").get("/api/licences/unlicensed-output").then().statusCode(200);
    }

    // ---- 4. routing ---------------------------------------------------------------------------------------

    @Test
    @Order(6)
    @DisplayName("4. UA_DEFENCE is served before EXPORT; an export outside the licence territories is REJECTED, with why")
    void ukraineFirstAndExportRules() {
        LocalDate neededBy = today().plusDays(20);
        // the router knows the network only from events: the order desk starts once it has heard of all of it
        Platform.get().awaitEventsApplied(SETTLE);
        // the export arrives first and takes the lines; Ukraine's order still goes ahead of it on every line
        exportOrder = routed(placeOrder(exportOrderBody(1000, neededBy, "EE")));
        uaOrder = routed(placeOrder(Map.of("customerClass", "UA_DEFENCE", "customer", "Armed Forces of Ukraine",
                "technologyCode", FPV, "quantity", 1000, "neededBy", neededBy.toString())));

        JsonPath ua = order(uaOrder);
        JsonPath export = order(exportOrder);
        assertThat(ua.getString("state")).isEqualTo("ROUTED");
        assertFullyPlaced(ua);
        assertFullyPlaced(export);
        assertExportFollowsUkraineOnASharedLine(ua, export);
        assertThat(earliestStart(ua)).isBeforeOrEqualTo(earliestStart(export));

        // the licence permits export to EE, LV, LT and FI only
        Response rejected = placeOrder(exportOrderBody(50, neededBy, "US"));
        rejected.then().statusCode(201).body("state", equalTo("REJECTED"));
        JsonPath why = rejected.jsonPath();
        assertThat(why.getString("reason") + " " + why.getString("decision.summary") + " "
                + why.getList("decision.candidates.explanation")).contains("no export permission for US");
        assertThat(rejected.jsonPath().getList("allocations")).isEmpty();

        // a retried placement (same Idempotency-Key, same body) is the same order, not a second one
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = exportOrderBody(10, neededBy, "LV");
        String id = placeOrder(key, body).then().statusCode(201).extract().path("id");
        placeOrder(key, body).then().statusCode(201).body("id", equalTo(id));
        asUser("desk").body(Map.of("reason", "placed twice by mistake")).post("/api/orders/{id}/cancel", id)
                .then().statusCode(200).body("state", equalTo("CANCELLED"));
    }

    // ---- 5. disruptions ---------------------------------------------------------------------------------

    @Test
    @Order(7)
    @DisplayName("5. the line serving Ukraine's order goes DOWN: its work moves to the other eligible line")
    void lineDownMovesAllocations() {
        String down = (String) active(order(uaOrder)).get(0).get("lineId");
        String other = down.equals("DE-MUC-01") ? "DE-MUC-02" : "DE-MUC-01";
        report("maker-de", down, "DOWN", "BREAKDOWN", 0);

        await().atMost(SETTLE).untilAsserted(() -> {
            JsonPath ua = order(uaOrder);
            assertThat(ua.getString("state")).isEqualTo("ROUTED");
            assertThat(activeLines(ua)).containsOnly(other);
        });
        JsonPath ua = order(uaOrder);
        // the withdrawn work is placed again in full, not lost nor doubled
        assertFullyPlaced(ua);
        assertThat(ua.getList("decision.candidates.findAll { it.lineId == '" + down + "' }.explanation",
                String.class)).allMatch(explanation -> explanation.contains("line DOWN"));
        // the line's own view of its work follows through order.allocations
        await().atMost(SETTLE).untilAsserted(() -> assertThat(openOrders(other)).contains(uaOrder));
    }

    @Test
    @Order(8)
    @DisplayName("5. the officer suspends the licence: its orders are QUEUED; reinstated, they are placed again")
    void licenceSuspensionQueuesAndReinstatementReplaces() {
        asUser("officer").body(Map.of("reason", "export-control review")).post("/api/licences/{id}/suspend", fpvLicence)
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        String line = activeLines(order(uaOrder)).get(0);
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(order(uaOrder).getString("state")).isEqualTo("QUEUED");
            assertThat(order(exportOrder).getString("state")).isEqualTo("QUEUED");
        });
        for (String queued : List.of(uaOrder, exportOrder)) {
            JsonPath waiting = order(queued);
            assertThat(active(waiting)).as("active allocations of %s while QUEUED", queued).isEmpty();
            assertThat(waiting.getLong("allocatedQuantity")).isZero();
            assertThat(waiting.getLong("unplacedQuantity")).isEqualTo(waiting.getLong("quantity"));
        }
        // the line is told, through order.allocations, that the work is withdrawn
        await().atMost(SETTLE).untilAsserted(() -> assertThat(openOrders(line)).doesNotContain(uaOrder, exportOrder));
        assertThat(order(uaOrder).getList("decision.candidates.explanation", String.class))
                .anyMatch(explanation -> explanation.contains("suspended"));

        asUser("officer").body(Map.of("reason", "review closed")).post("/api/licences/{id}/reinstate", fpvLicence)
                .then().statusCode(200).body("status", equalTo("GRANTED"));
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(order(uaOrder).getString("state")).isEqualTo("ROUTED");
            assertThat(order(exportOrder).getString("state")).isEqualTo("ROUTED");
        });
        JsonPath ua = order(uaOrder);
        JsonPath export = order(exportOrder);
        assertFullyPlaced(ua);
        assertFullyPlaced(export);
        assertExportFollowsUkraineOnASharedLine(ua, export);
    }

    // ---- 6. output ------------------------------------------------------------------------------------------

    @Test
    @Order(9)
    @DisplayName("6. output reported on the line fulfils the orders and consumes the licence's quota")
    void outputFulfilsOrdersAndConsumesQuota() {
        String line = activeLines(order(uaOrder)).get(0);
        assertThat(activeLines(order(exportOrder))).containsOnly(line);
        // the factory reports against the work it sees on its line (order.allocations reaches it in a moment)
        await().atMost(SETTLE).untilAsserted(() -> assertThat(openOrders(line)).contains(uaOrder, exportOrder));
        // the first 1,000 units of the line go to Ukraine's order, ahead of the export sharing the line
        JsonPath first = report("maker-de", line, "RUNNING", null, 1000);
        assertThat(first.getLong("unattributedUnits")).isZero();
        assertThat(first.getList("attributions.orderId", String.class)).containsOnly(uaOrder);
        await().atMost(SETTLE).untilAsserted(() -> {
            JsonPath ua = order(uaOrder);
            assertThat(ua.getString("state")).isEqualTo("FULFILLED");
            assertThat(ua.getLong("producedQuantity")).isEqualTo(1000);
            assertThat(order(exportOrder).getString("state")).isEqualTo("ROUTED");
        });
        assertThat(order(exportOrder).getLong("producedQuantity")).isZero();

        JsonPath rest = report("maker-de", line, "RUNNING", null, 1000);
        assertThat(rest.getLong("unattributedUnits")).isZero();
        assertThat(rest.getList("attributions.orderId", String.class)).containsOnly(exportOrder);
        await().atMost(SETTLE).untilAsserted(() -> {
            JsonPath export = order(exportOrder);
            assertThat(export.getString("state")).isEqualTo("FULFILLED");
            assertThat(export.getLong("producedQuantity")).isEqualTo(1000);
        });
        assertThat(order(uaOrder).getLong("producedQuantity")).as("nothing counted twice").isEqualTo(1000);
        await().atMost(SETTLE).untilAsserted(() -> asUser("officer").get("/api/licences/{id}", fpvLicence)
                .then().statusCode(200).body("unitsConsumed", equalTo(2000)).body("remainingQuota", equalTo(3000)));
    }

    // ---- 7. failures ------------------------------------------------------------------------------------------

    static final List<String> NEW_CENTRES = List.of("fi-turku", "se-lulea", "lv-liepaja");
    static String resilienceOrder;
    static String runningLine;
    static String downLine;

    @Test
    @Order(10)
    @DisplayName("7. Keycloak stopped: tokens issued before keep working, for reads and writes")
    void keycloakStopped() {
        runningLine = asUser("desk").get("/api/lines/{id}", "DE-MUC-01").jsonPath().getString("state")
                .equals("RUNNING") ? "DE-MUC-01" : "DE-MUC-02";
        downLine = runningLine.equals("DE-MUC-01") ? "DE-MUC-02" : "DE-MUC-01";
        resilienceOrder = routed(placeOrder(Map.of("customerClass", "PARTNER_DEFENCE", "customer", "Allied MoD",
                "technologyCode", FPV, "quantity", 300, "neededBy", today().plusDays(20).toString())));
        assertThat(activeLines(order(resilienceOrder))).containsOnly(runningLine);
        // tokens with their whole lifetime ahead, for the outage
        for (String user : List.of("desk", "maker-de", "officer", "netadmin")) {
            Tokens.newUserToken(user);
        }

        Platform.get().stop("keycloak");
        assertThat(keycloakAnswers()).as("Keycloak is down").isFalse();

        asUser("desk").get("/api/factories").then().statusCode(200);
        asUser("desk").get("/api/lines").then().statusCode(200);
        asUser("desk").get("/api/orders/{id}", resilienceOrder).then().statusCode(200);
        asUser("officer").get("/api/licences/{id}", fpvLicence).then().statusCode(200);
        report("maker-de", runningLine, "RUNNING", null, 0);
    }

    @Test
    @Order(11)
    @DisplayName("7. the routing service stopped: its routes answer 503 at once, the others keep working")
    void oneServiceStopped() {
        // news reach the router just as it is stopped: events in flight then must not be lost either
        for (String centre : NEW_CENTRES) {
            register(centre, centre + " export centre", centre.substring(0, 2).toUpperCase(), "EXPORT_CENTRE", List.of());
            asUser("netadmin").body(Map.of("status", "ACTIVE")).post("/api/factories/{id}/status", centre)
                    .then().statusCode(200);
        }
        Platform.get().stop("order-routing-service");

        long start = System.nanoTime();
        asUser("desk").get("/api/orders").then().statusCode(503).contentType(startsWith(PROBLEM_JSON));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

        asUser("desk").get("/api/factories").then().statusCode(200);
        asUser("desk").get("/api/lines").then().statusCode(200);
        asUser("officer").get("/api/technologies").then().statusCode(200);
        // the network changes while the router is away: the line it used breaks down, the other comes back
        report("maker-de", downLine, "RUNNING", null, 0);
        report("maker-de", runningLine, "DOWN", "MATERIAL_SHORTAGE", 0);
    }

    @Test
    @Order(12)
    @DisplayName("7. both restarted: new tokens, the routes recover, and the router applies every event it missed")
    void bothRestarted() {
        Platform.get().up(false);
        Tokens.newUserToken("desk");

        await().atMost(SETTLE).untilAsserted(() -> {
            JsonPath order = order(resilienceOrder);
            assertThat(order.getString("state")).isEqualTo("ROUTED");
            assertThat(activeLines(order)).containsOnly(downLine);
        });
        asUser("desk").get("/api/orders").then().statusCode(200);
        // the router knows the export centres opened as it went down, once it has read the events it missed (its
        // consumers of factory events may still be catching up when the line events have moved the order above;
        // an export decided before would be rejected, truthfully, for a centre it does not know yet)
        Platform.get().awaitEventsApplied(SETTLE);
        for (String centre : NEW_CENTRES) {
            routed(placeOrder(exportOrderBody(10, today().plusDays(20), "LV", centre)));
        }
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
                "activities", activities, "quantityCap", cap, "validFrom", today().toString(),
                "validTo", today().plusYears(2).toString(), "exportTerritories", territories,
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

    /** The platform's calendar day: licences and needed-by dates are UTC days. */
    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static Map<String, Object> exportOrderBody(long quantity, LocalDate neededBy, String destination) {
        return exportOrderBody(quantity, neededBy, destination, "ee-tallinn");
    }

    static Map<String, Object> exportOrderBody(long quantity, LocalDate neededBy, String destination,
            String exportCentre) {
        return Map.of("customerClass", "EXPORT", "customer", "Ministry of Defence of " + destination,
                "technologyCode", FPV, "quantity", quantity, "neededBy", neededBy.toString(),
                "destinationCountry", destination, "exportCentreId", exportCentre);
    }

    static Response placeOrder(Map<String, Object> body) {
        return placeOrder(UUID.randomUUID().toString(), body);
    }

    static Response placeOrder(String idempotencyKey, Map<String, Object> body) {
        return asUser("desk").header("Idempotency-Key", idempotencyKey).body(body).post("/api/orders");
    }

    /**
     * The id of a placed order once it is ROUTED. An order placed while the router has not yet heard of a new line
     * or licence waits in the queue and is placed when the news arrives.
     */
    static String routed(Response placed) {
        String id = placed.then().statusCode(201).extract().path("id");
        await().atMost(SETTLE).until(() -> order(id).getString("state"), equalTo("ROUTED"));
        return id;
    }

    static JsonPath order(String id) {
        return asUser("desk").get("/api/orders/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> active(JsonPath order) {
        return order.getList("allocations.findAll { it.status == 'ACTIVE' }");
    }

    static List<String> activeLines(JsonPath order) {
        return order.getList("allocations.findAll { it.status == 'ACTIVE' }.lineId", String.class);
    }

    /** Every unit of the order on a line: the active allocations add up to its quantity, nothing unplaced. */
    static void assertFullyPlaced(JsonPath order) {
        long quantity = order.getLong("quantity");
        assertThat(active(order).stream().mapToLong(a -> ((Number) a.get("quantity")).longValue()).sum())
                .as("units on the lines of order %s", order.getString("id")).isEqualTo(quantity);
        assertThat(order.getLong("allocatedQuantity")).isEqualTo(quantity);
        assertThat(order.getLong("unplacedQuantity")).isZero();
    }

    /** The two share a line at least, and on each line they share the export's work begins as Ukraine's ends. */
    static void assertExportFollowsUkraineOnASharedLine(JsonPath ua, JsonPath export) {
        assertThat(activeLines(export)).as("lines of the export").containsAnyElementsOf(activeLines(ua));
        for (Map<String, Object> first : active(ua)) {
            for (Map<String, Object> later : active(export)) {
                if (first.get("lineId").equals(later.get("lineId"))) {
                    assertThat(Instant.parse((String) later.get("plannedStart")))
                            .as("export work on %s starts when Ukraine's ends", first.get("lineId"))
                            .isEqualTo(Instant.parse((String) first.get("plannedFinish")));
                }
            }
        }
    }

    static Instant earliestStart(JsonPath order) {
        return active(order).stream().map(a -> Instant.parse((String) a.get("plannedStart"))).min(Instant::compareTo)
                .orElseThrow();
    }

    /** The orders a line's factory sees open work for, as the line's production-line service shows it. */
    static List<String> openOrders(String lineId) {
        return asUser("maker-de").get("/api/lines/{id}/allocations", lineId).then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.status == 'OPEN' }.orderId", String.class);
    }

    static boolean keycloakAnswers() {
        try {
            io.restassured.RestAssured.given().get(Platform.get().keycloakUrl() + "/realms/bwu");
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
