package org.buildwithukraine.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.gateway.Api.as;
import static org.buildwithukraine.gateway.Api.user;
import static org.buildwithukraine.gateway.RouteTable.NETWORK_ADMIN;
import static org.hamcrest.Matchers.containsString;

import java.net.URL;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The test configuration lets the gateway hold 100 requests at once. */
@QuarkusTest
@StubbedPlatform
class InFlightMetricsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @AfterEach
    void answerPromptlyAgain() {
        StubBackends.resetAll();
    }

    @Test
    void theGaugesShowTheRequestsUnderWayAgainstTheLimit() {
        StubBackends.stub("factory").slow(3000);
        CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(
                () -> as(user("admin", NETWORK_ADMIN)).get("/api/factories").statusCode());

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> given().port(management.getPort())
                .get("/q/metrics").then().statusCode(200)
                .body(containsString("bwu_gateway_in_flight_requests 1.0"))
                .body(containsString("bwu_gateway_in_flight_limit 100.0")));

        await().atMost(Duration.ofSeconds(10)).until(slow::isDone);
        given().port(management.getPort()).get("/q/metrics").then().statusCode(200)
                .body(containsString("bwu_gateway_in_flight_requests 0.0"));
    }
}
