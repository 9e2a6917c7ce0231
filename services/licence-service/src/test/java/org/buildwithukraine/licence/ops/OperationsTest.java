package org.buildwithukraine.licence.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What an operator relies on: probes that check the real dependencies, metrics, the API description. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsIncludeRequestsTheOutboxAndTheQuota() {
        given().get("/q/metrics").then().statusCode(200)
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
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
