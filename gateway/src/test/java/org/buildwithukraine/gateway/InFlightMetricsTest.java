package org.buildwithukraine.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The test configuration lets the gateway hold 100 requests at once. */
@QuarkusTest
@StubbedPlatform
class InFlightMetricsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void theGaugesShowTheRequestsUnderWayAndTheLimit() {
        given().port(management.getPort()).get("/q/metrics").then().statusCode(200)
                .body(containsString("bwu_gateway_in_flight_requests 0.0"))
                .body(containsString("bwu_gateway_in_flight_limit 100.0"));
    }
}
