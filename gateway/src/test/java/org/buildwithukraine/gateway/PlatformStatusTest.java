package org.buildwithukraine.gateway;

import static io.restassured.RestAssured.given;
import static org.buildwithukraine.gateway.Api.PROBLEM_JSON;
import static org.buildwithukraine.gateway.Api.as;
import static org.buildwithukraine.gateway.Api.user;
import static org.buildwithukraine.gateway.RouteTable.MANUFACTURER;
import static org.buildwithukraine.gateway.RouteTable.NETWORK_ADMIN;
import static org.buildwithukraine.gateway.RouteTable.OPERATOR;
import static org.buildwithukraine.gateway.RouteTable.ORDER_DESK;
import static org.buildwithukraine.gateway.RouteTable.TECHNOLOGY_OFFICER;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** GET /api/platform/status: each backend's readiness and outbox backlog, asked on its management interface. */
@QuarkusTest
@StubbedPlatform
class PlatformStatusTest {

    @BeforeEach
    @AfterEach
    void reset() {
        StubBackends.resetAll();
    }

    private static ValidatableResponse status() {
        return as(user("ops", OPERATOR)).get("/api/platform/status").then().statusCode(200)
                .contentType("application/json");
    }

    @Test
    void everyServiceAndRegionIsAskedForItsReadinessAndBacklog() {
        status()
                .body("status", equalTo("UP"))
                .body("checkedAt", notNullValue())
                .body("services.name", contains("factory", "licence", "routing", "de", "uk"))
                .body("services.kind", contains("SERVICE", "SERVICE", "SERVICE", "REGION", "REGION"))
                .body("services.status", everyItem(equalTo("UP")))
                .body("services.breaker", everyItem(equalTo("CLOSED")))
                .body("services.find { it.name == 'de' }.checks.name", contains("Database connections health check"))
                .body("services.find { it.name == 'de' }.outbox.pending", equalTo(StubBackends.OUTBOX_PENDING.get("de")))
                .body("services.find { it.name == 'licence' }.outbox.pending",
                        equalTo(StubBackends.OUTBOX_PENDING.get("licence")))
                .body("services.find { it.name == 'licence' }.outbox.oldestPendingSeconds", equalTo(1.5f))
                .body("services.find { it.name == 'factory' }.metricsUrl", endsWith("/q/metrics"));
    }

    @Test
    void aServiceThatIsDownIsReportedDownNotAFailure() {
        StubBackends.stub("licence").down();

        status()
                .body("status", equalTo("DOWN"))
                .body("services.find { it.name == 'licence' }.status", equalTo("DOWN"))
                .body("services.find { it.name == 'licence' }.detail", containsString("licence service"))
                .body("services.find { it.name == 'licence' }.outbox", equalTo(null))
                .body("services.findAll { it.name != 'licence' }.status", everyItem(equalTo("UP")))
                .time(lessThan(2_000L));
    }

    @Test
    void aRegionThatIsNotReadyOrTooSlowIsDown() {
        StubBackends.stub("uk").failWith(503);
        StubBackends.stub("routing").slow(2_000);

        status()
                .body("status", equalTo("DOWN"))
                .body("services.find { it.name == 'uk' }.status", equalTo("DOWN"))
                .body("services.find { it.name == 'uk' }.detail", containsString("503"))
                .body("services.find { it.name == 'routing' }.status", equalTo("DOWN"))
                .body("services.find { it.name == 'de' }.status", equalTo("UP"))
                .body("services.findAll { it.status == 'DOWN' }.name", hasItem("uk"));
    }

    @ParameterizedTest
    @ValueSource(strings = { NETWORK_ADMIN, MANUFACTURER, ORDER_DESK, TECHNOLOGY_OFFICER })
    void onlyTheOperatorMayAsk(String role) {
        as(user("someone", role)).get("/api/platform/status").then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void withoutATokenItIsUnauthorized() {
        given().get("/api/platform/status").then().statusCode(401).contentType(PROBLEM_JSON);
    }
}
