package org.buildwithukraine.licence.rest;

import static io.restassured.RestAssured.given;
import static org.buildwithukraine.licence.Fixtures.OFFICER;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.as;
import static org.buildwithukraine.licence.Fixtures.asMaker;
import static org.buildwithukraine.licence.Fixtures.asOfficer;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** Who may do what: officers everything, manufacturers their own factory's licences, other roles nothing. */
@QuarkusTest
class LicenceAccessTest {

    private static String ownFactory;
    private static String otherFactory;
    private static String ownLicence;
    private static String otherLicence;

    @BeforeEach
    void world() {
        if (ownFactory != null) {
            return;
        }
        ownFactory = activeFactory("de-access");
        otherFactory = activeFactory("uk-access");
        String technology = technology();
        ownLicence = grant(technology, ownFactory);
        otherLicence = grant(technology, otherFactory);
    }

    @Test
    void withoutAValidTokenEverythingIsUnauthorized() {
        given().get("/api/licences").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().get("/api/technologies").then().statusCode(401);
        given().get("/api/licences/{id}/audit", ownLicence).then().statusCode(401);
        given().contentType("application/json").body(Map.of("reason", "x"))
                .post("/api/licences/{id}/suspend", ownLicence).then().statusCode(401);
        for (String authorization : new String[] {
                TestTokens.user(OFFICER, Roles.TECHNOLOGY_OFFICER).expired().bearer(),
                TestTokens.user(OFFICER, Roles.TECHNOLOGY_OFFICER).signedByForeignKey().bearer(),
                TestTokens.user(OFFICER, Roles.TECHNOLOGY_OFFICER).audience("elsewhere").bearer() }) {
            as(authorization).get("/api/licences").then().statusCode(401).contentType("application/problem+json");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.ORDER_DESK, Roles.NETWORK_ADMIN, Roles.OPERATOR })
    void otherRolesReadTheCatalogueButNoLicences(String role) {
        as(TestTokens.user("someone", role).bearer()).get("/api/technologies").then().statusCode(200);
        as(TestTokens.user("someone", role).bearer()).get("/api/licences").then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.user("someone", role).bearer()).get("/api/licences/{id}", ownLicence).then().statusCode(403);
        as(TestTokens.user("someone", role).bearer()).get("/api/licences/{id}/audit", ownLicence).then()
                .statusCode(403);
        as(TestTokens.user("someone", role).bearer()).body(licence("UA-ANY-1", ownFactory)).post("/api/licences")
                .then().statusCode(403);
        as(TestTokens.user("someone", role).bearer()).body(Map.of("reason", "x"))
                .post("/api/licences/{id}/suspend", ownLicence).then().statusCode(403);
        as(TestTokens.user("someone", role).bearer()).body(Map.of("quantityCap", 1, "reason", "x"))
                .patch("/api/licences/{id}", ownLicence).then().statusCode(403);
        as(TestTokens.user("someone", role).bearer()).body(Map.of("code", "UA-X-1", "name", "X", "category",
                "FPV_DRONE", "controlListEntry", "ML10")).post("/api/technologies").then().statusCode(403);
        asOfficer().get("/api/licences/{id}", ownLicence).then().body("status", equalTo("GRANTED"))
                .body("quantityCap", equalTo(1000));
    }

    @Test
    void aManufacturerSeesItsOwnFactorysLicencesOnly() {
        asMaker(ownFactory).get("/api/licences/{id}", ownLicence).then().statusCode(200)
                .body("factoryId", equalTo(ownFactory));
        asMaker(ownFactory).get("/api/licences/{id}/audit", ownLicence).then().statusCode(200);
        asMaker(ownFactory).get("/api/licences/{id}", otherLicence).then().statusCode(404)
                .contentType("application/problem+json");
        asMaker(ownFactory).get("/api/licences/{id}/audit", otherLicence).then().statusCode(404);

        asMaker(ownFactory).queryParam("size", 100).get("/api/licences").then().statusCode(200)
                .body("items.factoryId", everyItem(equalTo(ownFactory)))
                .body("items.id", hasItem(ownLicence));
        asMaker(ownFactory).queryParam("factoryId", otherFactory).get("/api/licences").then().statusCode(200)
                .body("total", equalTo(0));
        as(TestTokens.user("maker-without-factory", Roles.MANUFACTURER).bearer()).get("/api/licences").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aManufacturerDecidesNothing() {
        for (String decision : new String[] { "grant", "suspend", "reinstate", "revoke" }) {
            asMaker(ownFactory).body(Map.of("reason", "self-service"))
                    .post("/api/licences/{id}/" + decision, ownLicence).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        asMaker(ownFactory).body(Map.of("code", "UA-MINE-1", "name", "Mine", "category", "FPV_DRONE",
                "controlListEntry", "ML10")).post("/api/technologies").then().statusCode(403);
        asOfficer().get("/api/licences/{id}", ownLicence).then().body("status", equalTo("GRANTED"));
    }

    @Test
    void officersSeeEveryFactoryAndFilter() {
        asOfficer().queryParam("size", 100).queryParam("status", "GRANTED").get("/api/licences").then()
                .statusCode(200).body("items.status", everyItem(equalTo("GRANTED")));
        asOfficer().queryParam("factoryId", otherFactory).get("/api/licences").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", hasItems(otherLicence));
        asOfficer().queryParam("status", "LOST").queryParam("size", 0).get("/api/licences").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
