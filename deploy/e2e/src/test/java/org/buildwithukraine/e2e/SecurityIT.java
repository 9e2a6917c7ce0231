package org.buildwithukraine.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.e2e.Api.PROBLEM_JSON;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mission point 1, and the realm: who gets in through the gateway, with which rights. */
@Order(1)
@DisplayName("1. Tokens and roles at the gateway")
class SecurityIT {

    @Test
    @DisplayName("no token → 401 problem")
    void noToken() {
        Api.anonymous().get("/api/factories")
                .then().statusCode(401).contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    @DisplayName("a garbage token → 401 problem")
    void garbageToken() {
        Api.as("not-a-token").get("/api/factories")
                .then().statusCode(401).contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    @DisplayName("a real token re-signed with a foreign key → 401 at the gateway and at the service")
    void foreignKey() {
        String forged = Tokens.signedByForeignKey(Tokens.user("netadmin"));
        Api.as(forged).get("/api/factories")
                .then().statusCode(401).contentType(startsWith(PROBLEM_JSON));
        // no trust by network position: the service checks the token itself
        given().baseUri("http://localhost:" + Platform.get().port("FACTORY")).auth().oauth2(forged)
                .get("/api/factories").then().statusCode(401);
    }

    @Test
    @DisplayName("a token of another realm (Keycloak's master realm) → 401")
    void otherRealm() {
        String master = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(Platform.get().keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        Api.as(master).get("/api/factories")
                .then().statusCode(401).contentType(startsWith(PROBLEM_JSON));
    }

    @ParameterizedTest(name = "{0} {1} {2} → 403")
    @CsvSource({
            "desk,     POST, /api/factories",
            "maker-de, POST, /api/technologies",
            "maker-de, POST, /api/licences",
            "ops,      POST, /api/orders",
            "officer,  POST, /api/factories/de-munich/status",
    })
    @DisplayName("a valid token without the right role → 403 problem")
    void wrongRole(String user, String method, String path) {
        Api.asUser(user).body("{}").request(method, path)
                .then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
    }

    @ParameterizedTest(name = "{0}: roles {1}, factory {2}")
    @CsvSource({
            "netadmin, network-admin,      ",
            "officer,  technology-officer, ",
            "desk,     order-desk,         ",
            "ops,      operator,           ",
            "maker-de, manufacturer,       de-munich",
            "maker-uk, manufacturer,       uk-bristol",
    })
    @DisplayName("each demo user gets a token for the platform with its role and factory, and is let in")
    void demoUsers(String user, String role, String factory) {
        assertPlatformToken(Tokens.user(user), role, factory);
        Api.asUser(user).get("/api/factories").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}: factory {1}")
    @CsvSource({ "mes-de-munich, de-munich", "mes-uk-bristol, uk-bristol" })
    @DisplayName("each factory MES client gets a client-credentials token naming its factory, and reaches its lines only")
    void mesClients(String client, String factory) {
        assertPlatformToken(Tokens.client(client), "factory-mes", factory);
        Api.asClient(client).get("/api/lines").then().statusCode(200);
        // a machine, not a person: no factories, technologies or licences
        Api.asClient(client).get("/api/factories").then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
        Api.asClient(client).get("/api/licences").then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
    }

    @SuppressWarnings("unchecked")
    private static void assertPlatformToken(String token, String role, String factory) {
        Map<String, Object> claims = Tokens.claims(token);
        assertThat(claims.get("iss")).isEqualTo(Platform.get().keycloakUrl() + "/realms/bwu");
        Object audience = claims.get("aud");
        assertThat(audience instanceof List<?> list ? list : List.of(audience)).contains("bwu-platform");
        List<String> roles = (List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles");
        assertThat(roles).contains(role);
        if (factory == null) {
            assertThat(claims.get("organization")).as("a person of no factory").satisfiesAnyOf(
                    organization -> assertThat(organization).isNull(),
                    organization -> assertThat((List<String>) organization).isEmpty());
        } else {
            assertThat((List<String>) claims.get("organization")).containsExactly(factory);
        }
    }
}
