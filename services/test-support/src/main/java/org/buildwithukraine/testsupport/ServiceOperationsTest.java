package org.buildwithukraine.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.net.URL;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

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

    /** What the dashboards read of every service: latency buckets per route and the connection pool's use. */
    @Test
    void latencyBucketsPerRouteAndTheConnectionPoolAreExported() {
        // the server's own endpoints (/q/...) are not timed: any request to the application is
        given().get("/api/no-such-route");
        onManagementPort().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("le=\"0.002\""))
                .body(containsString("agroal_active_count"))
                .body(containsString("agroal_available_count"))
                .body(containsString("agroal_awaiting_count"));
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPortOnly() {
        onManagementPort().get("/q/metrics").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/health/live").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        onManagementPort().get("/q/openapi").then().statusCode(404);
    }

    /**
     * The defaults every service takes from the service kit's META-INF/microprofile-config.properties, read as the
     * running application sees them (build-time ones included); what they do is shown by the tests above and by
     * each service's own (roles from the realm's claim, dead-letter topics, Flyway's schema).
     */
    @Test
    void theKitsSharedDefaultsAreInForce() {
        Config config = ConfigProvider.getConfig();
        Map.of("quarkus.management.enabled", "true",
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.flyway.locations", "db/kit,db/migration",
                "quarkus.oidc.roles.role-claim-path", "realm_access/roles",
                "quarkus.oidc.token.audience", "bwu-platform",
                "quarkus.http.auth.proactive", "false",
                "mp.messaging.connector.smallrye-kafka.failure-strategy", "bwu-dead-letter-queue",
                "mp.messaging.connector.smallrye-kafka.auto.offset.reset", "earliest",
                "quarkus.smallrye-openapi.management.enabled", "false")
                .forEach((key, value) -> assertThat(config.getOptionalValue(key, String.class)).as(key)
                        .contains(value));
    }

    @Test
    void swaggerUiIsServedOnTheHttpPort() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
