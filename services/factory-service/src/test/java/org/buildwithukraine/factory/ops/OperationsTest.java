package org.buildwithukraine.factory.ops;

import static io.restassured.RestAssured.given;
import static org.buildwithukraine.factory.Requests.register;
import static org.buildwithukraine.factory.Requests.uniqueId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

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
        given().get("/q/health/started").then().statusCode(200);
    }

    @Test
    void prometheusMetricsIncludeRequestsAndTheOutbox() {
        register(uniqueId("metrics"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("bwu_outbox_published_total"));
    }

    @Test
    void openApiDescribesTheFactoryApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/factories"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/factories/{id}/status"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
