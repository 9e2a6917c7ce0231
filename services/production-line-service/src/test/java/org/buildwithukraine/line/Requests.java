package org.buildwithukraine.line;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.TestTokens;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls of the line API as the people and machines of the platform make them. */
public final class Requests {

    public static final String TECHNOLOGY = "UA-FPV-7";

    private Requests() {
    }

    public static RequestSpecification as(String authorization) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON);
    }

    public static RequestSpecification asNetworkAdmin() {
        return as(TestTokens.user("netadmin", Roles.NETWORK_ADMIN).bearer());
    }

    public static RequestSpecification asRole(String role) {
        return as(TestTokens.user("someone-" + role, role).bearer());
    }

    /** A person of the factory's staff. */
    public static RequestSpecification asMaker(String factoryId) {
        return as(TestTokens.user("maker-" + factoryId, Roles.MANUFACTURER).factory(factoryId).bearer());
    }

    /** The factory's MES, signed in with the client-credentials grant. */
    public static RequestSpecification asMes(String factoryId) {
        return as(TestTokens.mes(factoryId).bearer());
    }

    public static Map<String, Object> line(String factoryId, String technology, int capacity) {
        return Map.of("factoryId", factoryId, "technologyCode", technology, "nominalCapacityPerDay", capacity);
    }

    /** How long before now {@link #registerLine} registers a line, so that tests can report the recent past. */
    public static final Duration REGISTERED_AGO = Duration.ofDays(3);

    /** A line of the factory, registered by its manufacturer {@link #REGISTERED_AGO} (the service's clock moved back). */
    public static ValidatableResponse registerLine(String lineId, String factoryId, int capacity) {
        return registerLine(lineId, factoryId, capacity, REGISTERED_AGO);
    }

    public static ValidatableResponse registerLine(String lineId, String factoryId, int capacity, Duration ago) {
        ValidatableResponse[] registered = new ValidatableResponse[1];
        atServerTime(Instant.now().minus(ago), () -> registered[0] = asMaker(factoryId)
                .body(line(factoryId, TECHNOLOGY, capacity)).put("/api/lines/{id}", lineId).then().statusCode(201));
        return registered[0];
    }

    /** Runs the step with the service's clock moved to about {@code instant}, and back to now afterwards. */
    public static void atServerTime(Instant instant, Runnable step) {
        Arc.container().instance(TestClock.class).get().during(Duration.between(Instant.now(), instant), step);
    }

    public static Map<String, Object> report(String reportId, Instant observedAt, String state, String reason,
            long good, long scrap) {
        Map<String, Object> body = new HashMap<>();
        body.put("reportId", reportId);
        body.put("observedAt", observedAt.toString());
        body.put("state", state);
        body.put("reason", reason);
        body.put("goodUnits", good);
        body.put("scrapUnits", scrap);
        return body;
    }

    public static ValidatableResponse postReport(RequestSpecification as, String lineId, Map<String, Object> report) {
        return as.body(report).post("/api/lines/{id}/status-reports", lineId).then();
    }

    /** An id no other test uses, so that tests sharing database and topics stay independent. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36);
    }

    /** A line id of the region, e.g. {@code DE-MUC-1X2Y3Z}. */
    public static String lineId(String region, String site) {
        return uniqueId(region.toUpperCase(Locale.ROOT) + "-" + site).toUpperCase(Locale.ROOT);
    }
}
