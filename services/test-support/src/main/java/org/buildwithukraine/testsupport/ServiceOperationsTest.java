package org.buildwithukraine.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.specification.RequestSpecification;

/**
 * What an operator relies on in every service: probes that check the real database and Kafka, and metrics, on the
 * management port only (the one the kubelet and Prometheus reach); the API description on the HTTP port, where
 * the gateway reads it. A service's {@code @QuarkusTest OperationsTest} extends this and adds its own metrics and
 * paths.
 */
public abstract class ServiceOperationsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    protected RequestSpecification onManagementPort() {
        return given().port(management.getPort());
    }

    @Test
    void readinessChecksDatabaseAndKafka() {
        onManagementPort().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void livenessAndStartupProbesAnswer() {
        onManagementPort().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        onManagementPort().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theOutboxBacklogIsExported() {
        onManagementPort().get("/q/metrics").then().statusCode(200)
                .body(containsString("bwu_outbox_pending "))
                .body(containsString("bwu_outbox_oldest_pending_seconds "));
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPortOnly() {
        onManagementPort().get("/q/metrics").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/health/live").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        onManagementPort().get("/q/openapi").then().statusCode(404);
    }

    @Test
    void swaggerUiIsServedOnTheHttpPort() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
