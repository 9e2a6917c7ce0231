package org.buildwithukraine.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.gateway.Api.PROBLEM_JSON;
import static org.buildwithukraine.gateway.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.buildwithukraine.testsupport.TestTokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * The realm file of deploy/keycloak imported into a real Keycloak, and the gateway checking its tokens: every demo
 * user and MES client gets a token the gateway accepts with the right role and factory; forged tokens are refused;
 * the gateway keeps accepting tokens while Keycloak is down.
 */
@QuarkusTest
@WithTestResource(KeycloakResource.class)
@DisabledIfSystemProperty(named = "keycloak.tests.skip", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakRealmTest {

    private static final Map<String, String> MES_SECRETS = Map.of(
            "mes-de-munich", "local-mes-de-munich-secret",
            "mes-uk-bristol", "local-mes-uk-bristol-secret");

    @ParameterizedTest
    @CsvSource({
            "netadmin, network-admin, ",
            "officer, technology-officer, ",
            "desk, order-desk, ",
            "ops, operator, ",
            "maker-de, manufacturer, de-munich",
            "maker-uk, manufacturer, uk-bristol" })
    @Order(1)
    void everyDemoUserIsAcceptedWithTheirRoleAndFactory(String user, String role, String factory) {
        String token = userToken(user);
        JsonObject claims = claims(token);
        assertThat(claims.getValue("aud")).isIn("bwu-platform", List.of("bwu-platform"));
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isLessThanOrEqualTo(300);

        var me = as("Bearer " + token).get("/api/me").then()
                .statusCode(200)
                .body("username", equalTo(user))
                .body("clientId", equalTo("bwu-cli"))
                .body("roles", contains(role));
        if (factory == null) {
            me.body("organization", nullValue());
        } else {
            me.body("organization", contains(factory));
        }
    }

    @ParameterizedTest
    @CsvSource({ "mes-de-munich, de-munich", "mes-uk-bristol, uk-bristol" })
    @Order(2)
    void everyMesClientIsAcceptedAsTheMesOfItsFactory(String client, String factory) {
        String token = clientToken(client);
        assertThat(claims(token).getValue("aud")).isIn("bwu-platform", List.of("bwu-platform"));

        as("Bearer " + token).get("/api/me").then()
                .statusCode(200)
                .body("clientId", equalTo(client))
                .body("roles", contains("factory-mes"))
                .body("organization", contains(factory));
    }

    @Test
    @Order(3)
    void aTokenSignedByAnotherKeyIsRefused() {
        String forged = TestTokens.user("netadmin", "network-admin").issuer(KeycloakResource.issuer())
                .signedByForeignKey().bearer();
        as(forged).get("/api/me").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    @Order(4)
    void theBrowserClientHasNoPasswordGrantAndMesSecretsAreChecked() {
        given().formParams(Map.of("grant_type", "password", "client_id", "bwu-console", "username", "desk",
                "password", "desk")).post(tokenUrl("bwu"))
                .then().statusCode(400).body("error", equalTo("unauthorized_client"));
        given().formParams(Map.of("grant_type", "client_credentials", "client_id", "mes-de-munich",
                "client_secret", "wrong")).post(tokenUrl("bwu"))
                .then().statusCode(401);
    }

    @Test
    @Order(5)
    void theRealmProtectsAgainstBruteForceAndKeepsAccessTokensShort() {
        String admin = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", KeycloakResource.ADMIN, "password", KeycloakResource.ADMIN)).post(tokenUrl("master"))
                .then().statusCode(200).extract().path("access_token");
        var realm = given().header("Authorization", "Bearer " + admin).get(KeycloakResource.url() + "/admin/realms/bwu")
                .then().statusCode(200).extract().jsonPath();
        assertThat(realm.getBoolean("bruteForceProtected")).isTrue();
        assertThat(realm.getInt("accessTokenLifespan")).isLessThanOrEqualTo(300);
        assertThat(realm.getBoolean("organizationsEnabled")).isTrue();
    }

    @Test
    @Order(6)
    void tokensKeepWorkingWhileKeycloakIsDown() {
        // a token the gateway has not seen yet, so its signature is checked with the keys fetched at start
        String token = userToken("desk");
        KeycloakResource.stopKeycloak();
        as("Bearer " + token).get("/api/me").then().statusCode(200).body("username", equalTo("desk"));
    }

    private static String userToken(String user) {
        return given().formParams(Map.of("grant_type", "password", "client_id", "bwu-cli", "username", user,
                "password", user)).post(tokenUrl("bwu"))
                .then().statusCode(200).extract().path("access_token");
    }

    private static String clientToken(String client) {
        return given().formParams(Map.of("grant_type", "client_credentials", "client_id", client,
                "client_secret", MES_SECRETS.get(client))).post(tokenUrl("bwu"))
                .then().statusCode(200).extract().path("access_token");
    }

    private static String tokenUrl(String realm) {
        return KeycloakResource.url() + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    private static JsonObject claims(String token) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1])));
    }
}
