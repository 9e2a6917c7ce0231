package org.buildwithukraine.gateway;

import static io.restassured.RestAssured.given;
import static org.buildwithukraine.gateway.Api.as;
import static org.buildwithukraine.gateway.Api.user;
import static org.buildwithukraine.gateway.RouteTable.ORDER_DESK;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.net.URL;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@StubbedPlatform
class PlatformEndpointsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private RequestSpecification onManagementPort() {
        return given().port(management.getPort());
    }

    @BeforeEach
    void reset() {
        StubBackends.resetAll();
    }

    @Test
    void oneOpenApiDocumentCoversEveryServiceAndOnlyWhatTheGatewayRoutes() {
        given().get("/q/openapi").then()
                .statusCode(200)
                .contentType("application/json")
                .body("servers[0].url", equalTo("/"))
                .body("paths", hasKey("/api/factories"))
                .body("paths", hasKey("/api/licences"))
                .body("paths", hasKey("/api/orders"))
                .body("paths", hasKey("/api/lines/{lineId}"))
                .body("paths", hasKey("/api/me"))
                .body("paths", hasKey("/api/operations/dead-letters/{topic}/{partition}/{offset}/redrive"))
                .body("paths.'/api/operations/dead-letters/{topic}'.get.responses.'503'.headers", hasKey("Retry-After"))
                .body("paths", not(hasKey("/internal/factory")))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                // two services' different schemas of one name are both kept, each referenced by its own paths
                .body("components.schemas.Problem.description", equalTo("problem of factory"))
                .body("components.schemas.LicenceProblem.description", equalTo("problem of licence"))
                .body("paths.'/api/licences'.get.responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/LicenceProblem"));
    }

    @Test
    void swaggerUiShowsThePlatformDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("url: '/q/openapi'"));
    }

    @Test
    void healthShowsTheBreakers() {
        onManagementPort().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'backends' }.data.factory", equalTo("CLOSED"));
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPortOnly() {
        onManagementPort().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        onManagementPort().get("/q/health/started").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        onManagementPort().get("/q/openapi").then().statusCode(404);
    }

    @Test
    void metricsCountAndTimeEachRoute() {
        as(user("desk", ORDER_DESK)).get("/api/orders/9").then().statusCode(200);
        as(user("desk", ORDER_DESK)).post("/api/factories").then().statusCode(403);
        onManagementPort().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("bwu_gateway_requests_seconds_count{backend=\"routing\",method=\"GET\","
                        + "route=\"orders.get\",status=\"200\""))
                .body(containsString("bwu_gateway_requests_seconds_bucket{backend=\"routing\",method=\"GET\","
                        + "route=\"orders.get\",status=\"200\",le=\"0.005\"}"))
                .body(containsString("route=\"factories.register\",status=\"403\""));
    }
}
