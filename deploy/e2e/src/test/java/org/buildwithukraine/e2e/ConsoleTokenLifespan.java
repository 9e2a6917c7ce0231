package org.buildwithukraine.e2e;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A shorter access-token lifespan for the console's client ({@code bwu-console}), set through Keycloak's admin
 * API for as long as it is open: so that a test sees the console refresh its token within seconds rather than
 * minutes. Closing it gives the client the realm's lifespan again (set as the client's own, so that nothing
 * depends on how Keycloak reads a cleared attribute). The instance's Keycloak admin is up.sh's default one.
 */
final class ConsoleTokenLifespan implements AutoCloseable {

    private static final String CLIENT_ID = "bwu-console";
    private static final String LIFESPAN = "access.token.lifespan";

    private final String clientUrl;
    private final int realmLifespanSeconds;

    private ConsoleTokenLifespan(Duration lifespan) {
        String realm = Platform.get().keycloakUrl() + "/admin/realms/bwu";
        realmLifespanSeconds = admin().get(realm).then().statusCode(200).extract().path("accessTokenLifespan");
        String id = admin().queryParam("clientId", CLIENT_ID).get(realm + "/clients")
                .then().statusCode(200).extract().path("[0].id");
        clientUrl = realm + "/clients/" + id;
        setLifespan(lifespan.toSeconds());
    }

    /** Tokens issued to the console from now on live {@code lifespan}. */
    static ConsoleTokenLifespan of(Duration lifespan) {
        return new ConsoleTokenLifespan(lifespan);
    }

    @Override
    public void close() {
        setLifespan(realmLifespanSeconds);
    }

    private void setLifespan(long seconds) {
        Map<String, Object> client = new HashMap<>(admin().get(clientUrl).then().statusCode(200).extract().jsonPath()
                .getMap("$"));
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = new HashMap<>((Map<String, Object>) client.getOrDefault("attributes", Map.of()));
        attributes.put(LIFESPAN, String.valueOf(seconds));
        client.put("attributes", attributes);
        admin().contentType(ContentType.JSON).body(client).put(clientUrl).then().statusCode(204);
    }

    private static RequestSpecification admin() {
        String token = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(Platform.get().keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return given().header("Authorization", "Bearer " + token).accept(ContentType.JSON);
    }
}
