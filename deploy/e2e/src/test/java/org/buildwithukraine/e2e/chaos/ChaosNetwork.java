package org.buildwithukraine.e2e.chaos;

import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.e2e.Api.asClient;
import static org.buildwithukraine.e2e.Api.asUser;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.buildwithukraine.e2e.Platform;
import org.buildwithukraine.e2e.Tokens;
import org.buildwithukraine.e2e.chaos.Exchange.Kind;

import io.restassured.path.json.JsonPath;

/**
 * The part of the network the chaos load works on, of its own so that its accounting is exact: technology
 * {@value #OUTPUT_TECHNOLOGY}, made on four lines per region whose MES report output under a licence per factory
 * with a quota no run exhausts; technology {@value #ORDER_TECHNOLOGY}, ordered by the desk and built on one line per
 * region under licences whose small quotas (and the lines' capacity) the orders run into, and that no output is
 * reported for, so that what is allocated under them is the routing service's doing alone.
 */
final class ChaosNetwork {

    static final String OUTPUT_TECHNOLOGY = "UA-CHAOS-OUT";
    static final String ORDER_TECHNOLOGY = "UA-CHAOS-ORD";
    /** The routing service's planning horizon (bwu.routing.horizon-days): what a line may hold is 30 days' work. */
    static final int HORIZON_DAYS = 30;
    static final int ORDER_LINE_CAPACITY = 100;
    static final long ORDER_QUOTA = 1_500;
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final Map<String, String> MES = Map.of("de", "mes-de-munich", "uk", "mes-uk-bristol");
    private static final Map<String, String> FACTORY = Map.of("de", "de-munich", "uk", "uk-bristol");

    private final Map<String, List<String>> outputLines = new LinkedHashMap<>();
    /** The licences output is charged to. */
    private final List<String> outputLicences = new ArrayList<>();
    /** Licence id → quota, of the licences orders are built under. */
    private final Map<String, Long> orderLicences = new LinkedHashMap<>();
    private final List<String> orderLines = new ArrayList<>();
    private final AtomicLong counter = new AtomicLong();

    private ChaosNetwork() {
    }

    /** Creates what is missing (technologies, licences, lines) as the officer and the network admin. */
    static ChaosNetwork prepare() {
        ChaosNetwork network = new ChaosNetwork();
        technology(OUTPUT_TECHNOLOGY, "Chaos suite output UAV");
        technology(ORDER_TECHNOLOGY, "Chaos suite ordered UAV");
        for (String region : List.of("de", "uk")) {
            String factory = FACTORY.get(region);
            network.outputLicences.add(licence(factory, OUTPUT_TECHNOLOGY, 1_000_000_000L));
            network.orderLicences.put(licence(factory, ORDER_TECHNOLOGY, ORDER_QUOTA), ORDER_QUOTA);
            List<String> lines = new ArrayList<>();
            for (int n = 1; n <= 4; n++) {
                lines.add(line(region.toUpperCase() + "-CHAOS-0" + n, factory, OUTPUT_TECHNOLOGY, 100_000));
            }
            network.outputLines.put(region, lines);
            String orderLine = line(region.toUpperCase() + "-CHAOS-ORD", factory, ORDER_TECHNOLOGY, ORDER_LINE_CAPACITY);
            network.orderLines.add(orderLine);
            // RUNNING, so that the router may place work on it; no output is ever reported on it
            asClient(MES.get(region)).body(reportBody("chaos-start-" + Instant.now().toEpochMilli(), 0))
                    .post("/api/lines/{id}/status-reports", orderLine).then().statusCode(201);
        }
        Platform.get().awaitEventsApplied(SETTLE);
        return network;
    }

    List<String> orderLines() {
        return orderLines;
    }

    Map<String, Long> orderLicences() {
        return orderLicences;
    }

    /** The streams of the load of one trial; {@code run} prefixes every key it makes, unique per trial. */
    List<Load.Stream> streams(String run) {
        List<Load.Stream> streams = new ArrayList<>();
        for (String region : List.of("de", "uk")) {
            List<String> lines = outputLines.get(region);
            String mes = MES.get(region);
            streams.add(new Load.Stream("reports " + region, Duration.ofMillis(20), () -> {
                long n = counter.incrementAndGet();
                String line = lines.get((int) (n % lines.size()));
                String reportId = run + "-" + region + "-" + n;
                long good = 1 + n % 5;
                return new Exchange(Kind.STATUS_REPORT, "reports " + region, reportId, "POST",
                        "/api/lines/" + line + "/status-reports", reportBody(reportId, good),
                        () -> Tokens.client(mes), good);
            }));
        }
        LocalDate neededBy = LocalDate.now(ZoneOffset.UTC).plusDays(60);
        streams.add(new Load.Stream("orders", Duration.ofMillis(150), () -> {
            long n = counter.incrementAndGet();
            String key = run + "-order-" + n;
            String body = "{\"customerClass\":\"UA_DEFENCE\",\"customer\":\"" + customer(key) + "\",\"technologyCode\":\""
                    + ORDER_TECHNOLOGY + "\",\"quantity\":" + (1 + n % 10) + ",\"neededBy\":\"" + neededBy + "\"}";
            return new Exchange(Kind.ORDER, "orders", key, "POST", "/api/orders", body, () -> Tokens.user("desk"), 0);
        }));
        String amended = outputLicences.get(0);
        streams.add(new Load.Stream("amendments", Duration.ofSeconds(1), () -> {
            long n = counter.incrementAndGet();
            String key = run + "-amendment-" + n;
            return new Exchange(Kind.AMENDMENT, "amendments", key, "PATCH", "/api/licences/" + amended,
                    "{\"provisos\":\"chaos amendment " + key + "\",\"reason\":\"the chaos suite's officer\"}",
                    () -> Tokens.user("officer"), 0);
        }));
        return streams;
    }

    /** Tokens for every caller of the load issued now, to last through an outage of Keycloak. */
    void issueFreshTokens() {
        MES.values().forEach(Tokens::newClientToken);
        List.of("desk", "officer").forEach(Tokens::newUserToken);
    }

    /** The customer an order names: its Idempotency-Key, so that the order's rows can be counted by it. */
    static String customer(String key) {
        return "Chaos " + key;
    }

    /** The units the licence service counts as consumed under the output licences, summed (its API). */
    long unitsConsumed() {
        return outputLicences.stream().mapToLong(id -> asUser("officer").get("/api/licences/{id}", id)
                .then().statusCode(200).extract().jsonPath().getLong("unitsConsumed")).sum();
    }

    private static void technology(String code, String name) {
        if (asUser("officer").get("/api/technologies/{code}", code).statusCode() == 404) {
            asUser("officer").body(Map.of("code", code, "name", name, "category", "RECON_UAV",
                    "controlListEntry", "ML10", "owner", "Ukraine")).post("/api/technologies").then().statusCode(201);
        }
    }

    private static String licence(String factory, String technology, long cap) {
        List<String> held = asUser("officer").queryParam("factoryId", factory).queryParam("technologyCode", technology)
                .get("/api/licences").then().statusCode(200).extract().jsonPath().getList("items.id");
        if (!held.isEmpty()) {
            return held.get(0);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> body = Map.of("technologyCode", technology, "factoryId", factory,
                "activities", List.of("PRODUCE"), "quantityCap", cap, "validFrom", today.toString(),
                "validTo", today.plusYears(2).toString(), "exportTerritories", List.of(), "reason", "chaos suite");
        // the licence service learns of the technology through its own events first
        JsonPath granted = await().atMost(SETTLE).until(() -> asUser("officer").body(body).post("/api/licences"),
                response -> response.statusCode() == 201).jsonPath();
        return granted.getString("id");
    }

    private static String line(String lineId, String factory, String technology, int capacity) {
        if (asUser("netadmin").get("/api/lines/{id}", lineId).statusCode() != 200) {
            Map<String, Object> body = Map.of("factoryId", factory, "technologyCode", technology,
                    "nominalCapacityPerDay", capacity);
            await().atMost(SETTLE).until(() -> asUser("netadmin").body(body).put("/api/lines/{id}", lineId),
                    response -> response.statusCode() == 201);
        }
        return lineId;
    }

    /** A status report body as the MES sends it: RUNNING, observed now, its good units and no scrap. */
    static String reportBody(String reportId, long goodUnits) {
        return "{\"reportId\":\"" + reportId + "\",\"observedAt\":\"" + Instant.now().truncatedTo(ChronoUnit.MICROS)
                + "\",\"state\":\"RUNNING\",\"goodUnits\":" + goodUnits + ",\"scrapUnits\":0}";
    }
}
