package org.buildwithukraine.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.buildwithukraine.testsupport.ServiceOperationsTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Probes, metrics and the API description (see {@link ServiceOperationsTest}), with routing's own. */
@QuarkusTest
class OperationsTest extends ServiceOperationsTest {

    @Test
    void prometheusMetricsTimeRoutingPasses() {
        Fixtures.place(Fixtures.order("UA_DEFENCE", Fixtures.unique("UA-OPS"), 1, 10)).then().statusCode(201);
        onManagementPort().get("/q/metrics").then().statusCode(200).body(containsString("bwu_routing_pass_seconds"));
    }

    @Test
    void openApiDescribesTheRoutingApi() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/orders/{id}/decisions"));
    }
}
