package org.buildwithukraine.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.gateway.Api.as;
import static org.buildwithukraine.gateway.Api.user;
import static org.buildwithukraine.gateway.RouteTable.NETWORK_ADMIN;
import static org.hamcrest.Matchers.containsString;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The test configuration opens a breaker after 3 failures for 1 s. */
@QuarkusTest
@StubbedPlatform
class BreakerMetricsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @AfterEach
    void closeTheBreaker() {
        StubBackends.resetAll();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> as(user("admin", NETWORK_ADMIN)).get("/api/factories").then().statusCode(200));
    }

    @Test
    void theGaugeShowsWhichBreakerIsOpen() {
        StubBackends.stub("factory").failWith(503);
        for (int i = 0; i < 3; i++) {
            as(user("admin", NETWORK_ADMIN)).get("/api/factories").then().statusCode(503);
        }

        given().port(management.getPort()).get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("bwu_gateway_circuit_open{backend=\"factory\"} 1.0"))
                .body(containsString("bwu_gateway_circuit_open{backend=\"licence\"} 0.0"))
                .body(containsString("bwu_gateway_circuit_open{backend=\"de\"} 0.0"));
    }
}
