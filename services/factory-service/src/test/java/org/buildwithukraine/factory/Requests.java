package org.buildwithukraine.factory;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls of the factory API as the people of the platform make them. */
public final class Requests {

    private Requests() {
    }

    public static RequestSpecification asNetworkAdmin() {
        return as(TestTokens.user("netadmin", Roles.NETWORK_ADMIN).bearer());
    }

    public static RequestSpecification as(String authorization) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON);
    }

    public static Map<String, Object> factory(String id) {
        return Map.of("id", id, "name", "Factory " + id, "country", "DE", "kind", "MANUFACTURER",
                "capabilities", List.of("FPV_DRONE", "RECON_UAV"));
    }

    public static ValidatableResponse register(String id) {
        return asNetworkAdmin().body(factory(id)).post("/api/factories").then().statusCode(201);
    }

    public static ValidatableResponse changeStatus(String id, String status, String reason) {
        return asNetworkAdmin().body(Map.of("status", status, "reason", reason))
                .post("/api/factories/{id}/status", id).then();
    }

    /** A factory id no other test uses, so that tests sharing the database and topic stay independent. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }
}
