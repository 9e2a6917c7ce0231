package org.buildwithukraine.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What the operator watches: health, Prometheus metrics (routing passes timed), the API description. */
@QuarkusTest
class OperationsTest {

    @Test
    void healthMetricsAndApiDescriptionAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        Fixtures.place(Fixtures.order("UA_DEFENCE", Fixtures.unique("UA-OPS"), 1, 10)).then().statusCode(201);
        given().get("/q/metrics").then().statusCode(200).body(containsString("bwu_routing_pass_seconds"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/orders/{id}/decisions"));
    }
}
