package org.buildwithukraine.factory.rest;

import static io.restassured.RestAssured.given;
import static org.buildwithukraine.factory.Requests.as;
import static org.buildwithukraine.factory.Requests.factory;
import static org.buildwithukraine.factory.Requests.register;
import static org.buildwithukraine.factory.Requests.uniqueId;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class FactoryAccessTest {

    @Test
    void noTokenIsUnauthorized() {
        given().get("/api/factories").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
        given().contentType(ContentType.JSON).body(factory(uniqueId("no-token"))).post("/api/factories").then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void badTokensAreUnauthorized() {
        for (String authorization : new String[] {
                "Bearer not-a-jwt",
                "Basic bmV0YWRtaW46bmV0YWRtaW4=",
                TestTokens.user("netadmin", Roles.NETWORK_ADMIN).expired().bearer(),
                TestTokens.user("netadmin", Roles.NETWORK_ADMIN).signedByForeignKey().bearer(),
                TestTokens.user("netadmin", Roles.NETWORK_ADMIN).issuer("https://evil.example/realms/bwu").bearer(),
                TestTokens.user("netadmin", Roles.NETWORK_ADMIN).audience("another-platform").bearer() }) {
            as(authorization).get("/api/factories").then()
                    .statusCode(401).contentType("application/problem+json");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.MANUFACTURER, Roles.TECHNOLOGY_OFFICER, Roles.ORDER_DESK, Roles.OPERATOR })
    void onlyNetworkAdminsWrite(String role) {
        String id = uniqueId("forbidden");
        String token = TestTokens.user("someone", role).factory("de-munich").bearer();
        as(token).body(factory(id)).post("/api/factories").then()
                .statusCode(403).contentType("application/problem+json");

        String existing = uniqueId("existing");
        register(existing);
        as(token).body(Map.of("status", "ACTIVE")).post("/api/factories/{id}/status", existing).then()
                .statusCode(403).contentType("application/problem+json");
        as(token).body(Map.of("name", "Renamed")).patch("/api/factories/{id}", existing).then()
                .statusCode(403);
        as(TestTokens.user("netadmin", Roles.NETWORK_ADMIN).bearer()).get("/api/factories/{id}", existing).then()
                .statusCode(200).body("status", equalTo("ONBOARDING")).body("name", equalTo("Factory " + existing));
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.MANUFACTURER, Roles.TECHNOLOGY_OFFICER, Roles.ORDER_DESK, Roles.OPERATOR,
            Roles.NETWORK_ADMIN })
    void everyRoleReads(String role) {
        String id = uniqueId("readable");
        register(id);
        String token = TestTokens.user("reader", role).bearer();
        as(token).get("/api/factories").then().statusCode(200);
        as(token).get("/api/factories/{id}", id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aMachineClientIsTreatedByItsRoles() {
        String token = TestTokens.client("mes-de-munich", Roles.MANUFACTURER).factory("de-munich").bearer();
        as(token).get("/api/factories").then().statusCode(200);
        as(token).body(factory(uniqueId("mes"))).post("/api/factories").then().statusCode(403);
    }

    @Test
    void aSignedInCallerWithoutPlatformRoleIsForbidden() {
        as(TestTokens.user("stranger").bearer()).get("/api/factories").then()
                .statusCode(403).contentType("application/problem+json");
    }
}
