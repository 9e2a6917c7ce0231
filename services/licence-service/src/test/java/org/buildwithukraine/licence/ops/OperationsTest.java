package org.buildwithukraine.licence.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

import org.buildwithukraine.testsupport.ServiceOperationsTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Probes, metrics and the API description (see {@link ServiceOperationsTest}), with the licence service's own. */
@QuarkusTest
class OperationsTest extends ServiceOperationsTest {

    @Test
    void prometheusMetricsIncludeRequestsTheOutboxAndTheQuota() {
        given().get("/api/licences").then().statusCode(401);
        onManagementPort().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("bwu_outbox_published_total"))
                .body(containsString("bwu_licence_quota_units_consumed_total"));
    }

    @Test
    void openApiDescribesTheLicenceApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/technologies"))
                .body("paths", hasKey("/api/licences"))
                .body("paths", hasKey("/api/licences/requests"))
                .body("paths", hasKey("/api/licences/{id}/audit"))
                .body("paths", hasKey("/api/licences/{id}/suspend"));
    }
}
