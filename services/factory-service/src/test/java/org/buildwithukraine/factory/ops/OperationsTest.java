package org.buildwithukraine.factory.ops;

import static io.restassured.RestAssured.given;
import static org.buildwithukraine.factory.Requests.register;
import static org.buildwithukraine.factory.Requests.uniqueId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import org.buildwithukraine.testsupport.ServiceOperationsTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Probes, metrics and the API description (see {@link ServiceOperationsTest}), with the factory service's own. */
@QuarkusTest
class OperationsTest extends ServiceOperationsTest {

    @Test
    void prometheusMetricsIncludeRequestsAndTheOutbox() {
        register(uniqueId("metrics"));
        onManagementPort().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("bwu_outbox_published_total"));
    }

    @Test
    void openApiDescribesTheFactoryApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/factories"))
                .body("paths", hasKey("/api/factories/{id}/status"));
    }

    @Test
    void openApiDocumentsEveryProblemAnswerAndTheCreatedFactory() {
        String problem = "#/components/schemas/Problem";
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas", hasKey("Problem"))
                .body("paths.'/api/factories/{id}'.get.responses.keySet()",
                        hasItems("200", "400", "401", "403", "404", "503"))
                .body("paths.'/api/factories/{id}'.get.responses.'404'.content.'application/problem+json'.schema.'$ref'",
                        equalTo(problem))
                .body("paths.'/api/factories'.post.responses.keySet()",
                        hasItems("201", "400", "401", "403", "409", "413", "415", "503"))
                .body("paths.'/api/factories'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/FactoryResponse"));
    }
}
