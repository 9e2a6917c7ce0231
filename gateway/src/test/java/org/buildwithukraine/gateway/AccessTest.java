package org.buildwithukraine.gateway;

import static io.restassured.RestAssured.given;
import static org.buildwithukraine.gateway.Api.PROBLEM_JSON;
import static org.buildwithukraine.gateway.Api.as;
import static org.buildwithukraine.gateway.Api.user;
import static org.buildwithukraine.gateway.RouteTable.MANUFACTURER;
import static org.buildwithukraine.gateway.RouteTable.NETWORK_ADMIN;
import static org.buildwithukraine.gateway.RouteTable.OPERATOR;
import static org.buildwithukraine.gateway.RouteTable.ORDER_DESK;
import static org.buildwithukraine.gateway.RouteTable.TECHNOLOGY_OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.buildwithukraine.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@StubbedPlatform
class AccessTest {

    @BeforeEach
    void reset() {
        StubBackends.resetAll();
    }

    @Test
    void withoutAValidTokenNothingPasses() {
        var officer = user("officer", TECHNOLOGY_OFFICER);
        for (String authorization : new String[] {
                null,
                "Bearer ",
                "Bearer not-a-jwt",
                "Basic b2ZmaWNlcjpvZmZpY2Vy",
                officer.expired().bearer(),
                user("officer", TECHNOLOGY_OFFICER).signedByForeignKey().bearer(),
                user("officer", TECHNOLOGY_OFFICER).issuer("https://evil.example/realms/bwu").bearer(),
                user("officer", TECHNOLOGY_OFFICER).audience("another-platform").bearer() }) {
            var request = authorization == null ? given() : as(authorization);
            request.get("/api/technologies").then()
                    .statusCode(401)
                    .contentType(PROBLEM_JSON)
                    .header("WWW-Authenticate", "Bearer")
                    .body("status", equalTo(401))
                    .body("instance", equalTo("/api/technologies"));
        }
        assertThat(StubBackends.stub("licence").received()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "technology-officer, POST, /api/factories",
            "manufacturer, POST, /api/factories/de-munich/status",
            "order-desk, PATCH, /api/licences/1",
            "manufacturer, POST, /api/licences/1/grant",
            "order-desk, GET, /api/licences",
            "network-admin, POST, /api/licences/requests",
            "technology-officer, POST, /api/orders",
            "manufacturer, GET, /api/orders/1",
            "order-desk, PUT, /api/lines/DE-MUC-01",
            "operator, POST, /api/lines/DE-MUC-01/status-reports",
            "technology-officer, GET, /api/lines/UK-BRS-01/allocations",
            "order-desk, GET, /api/orders/work-under-licence/1",
            "manufacturer, GET, /api/orders/work-under-licence/1" })
    void rolesAreCheckedPerRoute(String role, String method, String path) {
        as(user("someone", role).factory("de-munich")).contentType(ContentType.JSON).body("{}")
                .request(method, path).then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(403));
        StubBackends.SERVICES.forEach(s -> assertThat(StubBackends.stub(s).received()).isEmpty());
        StubBackends.REGIONS.forEach(s -> assertThat(StubBackends.stub(s).received()).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
            "network-admin, POST, /api/factories",
            "technology-officer, POST, /api/licences/1/suspend",
            "manufacturer, POST, /api/licences/requests",
            "manufacturer, GET, /api/licences/1/audit",
            "manufacturer, POST, /api/lines/DE-MUC-01/status-reports",
            "order-desk, GET, /api/lines/UK-BRS-01/allocations",
            "operator, GET, /api/factories",
            "order-desk, POST, /api/orders/1/cancel",
            "technology-officer, GET, /api/orders/work-under-licence/1" })
    void theRightRolePasses(String role, String method, String path) {
        as(user("someone", role).factory("de-munich")).contentType(ContentType.JSON).body("{}")
                .request(method, path).then()
                .statusCode(200)
                .body("uri", equalTo(path));
    }

    @Test
    void aTokenWithoutPlatformRolesReachesNoService() {
        as(user("nobody")).get("/api/factories").then().statusCode(403).contentType(PROBLEM_JSON);
        as(user("nobody")).get("/api/lines").then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void saysWhoTheCallerIs() {
        as(user("maker-de", MANUFACTURER).factory("de-munich")).get("/api/me").then()
                .statusCode(200)
                .body("username", equalTo("maker-de"))
                .body("roles", contains(MANUFACTURER))
                .body("organization", contains("de-munich"));
        as(TestTokens.client("mes-uk-bristol", MANUFACTURER).factory("uk-bristol")).get("/api/me").then()
                .statusCode(200)
                .body("clientId", equalTo("mes-uk-bristol"))
                .body("organization", contains("uk-bristol"));
        as(user("ops", OPERATOR, ORDER_DESK)).get("/api/me").then()
                .statusCode(200)
                .body("roles", contains(OPERATOR, ORDER_DESK))
                .body("organization", nullValue());
        as(user("admin", NETWORK_ADMIN).expired()).get("/api/me").then().statusCode(401);
    }
}
