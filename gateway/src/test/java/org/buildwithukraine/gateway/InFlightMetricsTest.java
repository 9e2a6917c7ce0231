package org.buildwithukraine.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.gateway.Api.getAsync;
import static org.buildwithukraine.gateway.Api.user;
import static org.buildwithukraine.gateway.RouteTable.NETWORK_ADMIN;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The test configuration lets the gateway hold 100 requests at once, 4 of them of one caller. */
@QuarkusTest
@StubbedPlatform
class InFlightMetricsTest {

    /** More than one caller may have open, so that the gauge is seen to count every caller's. */
    private static final int HELD = 6;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/api/lines/UK-BRS-01")
    URI ukLine;

    @AfterEach
    void answerEverything() {
        StubBackends.resetAll();
    }

    @Test
    void atRestTheGaugesShowNoRequestAndTheLimit() {
        metrics().body(containsString("bwu_gateway_in_flight_requests 0.0"))
                .body(containsString("bwu_gateway_in_flight_limit 100.0"));
    }

    @Test
    void theGaugeCountsTheRequestsABackendHoldsAndNoneOnceTheyAreAnswered() throws Exception {
        StubBackends.Stub uk = StubBackends.stub(StubBackends.PATIENT);
        uk.hold();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < HELD; i++) {
            answers.add(getAsync(ukLine, user("watcher-" + i, NETWORK_ADMIN)));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> uk.heldRequests() == HELD);
        metrics().body(containsString("bwu_gateway_in_flight_requests " + HELD + ".0"));

        uk.releaseHeld();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        // a request leaves the count when its answer has ended, which the caller may see a moment before
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> metrics().body(containsString("bwu_gateway_in_flight_requests 0.0")));
    }

    private ValidatableResponse metrics() {
        return given().port(management.getPort()).get("/q/metrics").then().statusCode(200);
    }
}
