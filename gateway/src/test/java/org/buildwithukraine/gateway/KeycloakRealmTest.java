package org.buildwithukraine.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.gateway.Api.PROBLEM_JSON;
import static org.buildwithukraine.gateway.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * the gateway keeps accepting tokens while Keycloak is down. The production realm (k8s), imported beside it, refuses
 * weak passwords and signs holders of network-admin and technology-officer in only with a one-time code.
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
        String admin = adminToken();
        var realm = given().header("Authorization", "Bearer " + admin).get(KeycloakResource.url() + "/admin/realms/bwu")
                .then().statusCode(200).extract().jsonPath();
        assertThat(realm.getBoolean("bruteForceProtected")).isTrue();
        assertThat(realm.getInt("accessTokenLifespan")).isLessThanOrEqualTo(300);
        assertThat(realm.getBoolean("organizationsEnabled")).isTrue();
    }

    @Test
    @Order(6)
    void theProductionRealmRefusesWeakPasswords() {
        String admin = adminToken();
        String weak = "{\"username\":\"weak\",\"enabled\":true,\"credentials\":[{\"type\":\"password\","
                + "\"value\":\"short1A\",\"temporary\":false}]}";
        given().header("Authorization", "Bearer " + admin).contentType("application/json").body(weak)
                .post(KeycloakResource.url() + "/admin/realms/" + KeycloakResource.PRODUCTION_REALM + "/users")
                .then().statusCode(400).body("error", equalTo("invalidPasswordMinLengthMessage"));
    }

    /** People with network-admin or technology-officer get no code before they have set up a one-time code. */
    @ParameterizedTest
    @CsvSource({
            "admin-1, network-admin, true",
            "officer-1, technology-officer, true",
            "both-1, network-admin technology-officer, true",
            "maker-1, manufacturer, false" })
    @Order(7)
    void theProductionRealmSignsAdminsInOnlyWithASecondFactor(String user, String roles, boolean secondFactor) {
        String admin = adminToken();
        String password = "Str0ng-enough-" + user;
        String realmUrl = KeycloakResource.url() + "/admin/realms/" + KeycloakResource.PRODUCTION_REALM;
        given().header("Authorization", "Bearer " + admin).contentType("application/json")
                .body(new JsonObject().put("username", user).put("enabled", true).put("email", user + "@bwu.example")
                        .put("emailVerified", true).put("firstName", "A").put("lastName", "B")
                        .put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)))
                        .encode())
                .post(realmUrl + "/users").then().statusCode(201);
        String id = given().header("Authorization", "Bearer " + admin).queryParam("username", user)
                .queryParam("exact", true).get(realmUrl + "/users").then().statusCode(200).extract().path("[0].id");
        for (String role : roles.split(" ")) {
            Map<String, Object> representation = given().header("Authorization", "Bearer " + admin)
                    .get(realmUrl + "/roles/" + role).then().statusCode(200).extract().as(Map.class);
            given().header("Authorization", "Bearer " + admin).contentType("application/json")
                    .body(List.of(representation)).post(realmUrl + "/users/" + id + "/role-mappings/realm")
                    .then().statusCode(204);
        }

        String afterPassword = browserSignIn(user, password);
        if (secondFactor) {
            assertThat(afterPassword).contains("/login-actions/required-action").contains("execution=CONFIGURE_TOTP")
                    .doesNotContain("code=");
        } else {
            assertThat(afterPassword).startsWith("https://api.bwu.example/").contains("code=");
        }
    }

    @Test
    @Order(8)
    void tokensKeepWorkingWhileKeycloakIsDown() {
        // a token the gateway has not seen yet, so its signature is checked with the keys fetched at start
        String token = userToken("desk");
        KeycloakResource.stopKeycloak();
        as("Bearer " + token).get("/api/me").then().statusCode(200).body("username", equalTo("desk"));
    }

    /** Where the console's browser sign-in (authorization code with PKCE) goes once the password is accepted. */
    private static String browserSignIn(String user, String password) {
        String realm = KeycloakResource.url() + "/realms/" + KeycloakResource.PRODUCTION_REALM;
        var form = given().redirects().follow(false)
                .queryParams(Map.of("client_id", "bwu-console", "redirect_uri", "https://api.bwu.example/",
                        "response_type", "code", "scope", "openid", "code_challenge_method", "S256",
                        "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"))
                .get(realm + "/protocol/openid-connect/auth").then().statusCode(200).extract();
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.asString());
        assertThat(action.find()).as("the sign-in form").isTrue();
        // the session cookies are marked Secure; a browser would be on https, this test sends them back on http
        return given().cookies(form.cookies()).redirects().follow(false).urlEncodingEnabled(false)
                .contentType("application/x-www-form-urlencoded")
                .body("username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))
                .post(action.group(1).replace("&amp;", "&")).then().statusCode(302).extract().header("Location");
    }

    private static String adminToken() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", KeycloakResource.ADMIN, "password", KeycloakResource.ADMIN)).post(tokenUrl("master"))
                .then().statusCode(200).extract().path("access_token");
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
