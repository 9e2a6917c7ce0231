package org.buildwithukraine.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests to the gateway, the platform's only public entry. */
public final class Api {

    public static final String PROBLEM_JSON = "application/problem+json";

    static {
        // a failed expectation shows the whole exchange (a 503's detail says which limit or backend refused)
        RestAssured.config = RestAssured.config().logConfig(LogConfig.logConfig()
                .enableLoggingOfRequestAndResponseIfValidationFails().blacklistHeader("Authorization"));
    }

    private Api() {
    }

    /** A request with this bearer token. */
    public static RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    /** A request of a demo user, e.g. {@code as("desk")}... through {@link Tokens#user}. */
    public static RequestSpecification asUser(String username) {
        return as(Tokens.user(username));
    }

    /** A request of a factory MES client through {@link Tokens#client}. */
    public static RequestSpecification asClient(String clientId) {
        return as(Tokens.client(clientId));
    }

    public static RequestSpecification anonymous() {
        return given().baseUri(Platform.get().gatewayUrl()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
