package org.buildwithukraine.licence.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.licence.Fixtures.as;
import static org.buildwithukraine.licence.Fixtures.asOfficer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Officers keep the technology catalogue; everyone signed in reads it. */
@QuarkusTest
class TechnologyCatalogueTest {

    private static String uniqueCode(String prefix) {
        return "UA-" + prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }

    private static Map<String, Object> technology(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Interceptor " + code);
        body.put("category", "INTERCEPTOR_UAV");
        body.put("controlListEntry", "ML10.a");
        body.put("owner", "Design bureau Kyiv");
        return body;
    }

    @Test
    void anOfficerAddsATechnologyEveryoneReadsIt() {
        String code = uniqueCode("INT");
        asOfficer().body(technology(code)).post("/api/technologies").then().statusCode(201)
                .header("Location", endsWith("/api/technologies/" + code))
                .body("code", equalTo(code)).body("category", equalTo("INTERCEPTOR_UAV"))
                .body("controlListEntry", equalTo("ML10.a")).body("createdBy", equalTo("officer"));

        for (String role : new String[] { Roles.MANUFACTURER, Roles.TECHNOLOGY_OFFICER, Roles.ORDER_DESK,
                Roles.NETWORK_ADMIN, Roles.OPERATOR }) {
            as(TestTokens.user("reader", role).factory("de-munich").bearer()).get("/api/technologies/{code}", code)
                    .then().statusCode(200).body("name", equalTo("Interceptor " + code))
                    .body("owner", equalTo("Design bureau Kyiv"));
        }
        asOfficer().queryParam("category", "INTERCEPTOR_UAV").queryParam("size", 200).get("/api/technologies")
                .then().statusCode(200)
                .body("items.code", hasItem(code))
                .body("items.category", everyItem(equalTo("INTERCEPTOR_UAV")));
    }

    @Test
    void aCodeIsInTheCatalogueOnce() {
        String code = uniqueCode("DUP");
        asOfficer().body(technology(code)).post("/api/technologies").then().statusCode(201);
        asOfficer().body(technology(code)).post("/api/technologies").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("Technology " + code + " is already in the catalogue"));
    }

    @Test
    void anAdditionRetriedWithItsKeyGetsTheFirstAnswer() {
        String code = uniqueCode("KEY");
        String key = UUID.randomUUID().toString();
        Response first = asOfficer().header("Idempotency-Key", key).body(technology(code)).post("/api/technologies");
        first.then().statusCode(201);
        Response again = asOfficer().header("Idempotency-Key", key).body(technology(code)).post("/api/technologies");
        again.then().statusCode(201).header("Location", first.header("Location"));
        assertThat(again.asString()).isEqualTo(first.asString());

        Map<String, Object> renamed = technology(code);
        renamed.put("name", "Renamed " + code);
        asOfficer().header("Idempotency-Key", key).body(renamed).post("/api/technologies").then().statusCode(409)
                .body("detail", startsWith("Idempotency-Key " + key + " was already used for a different request"));
        asOfficer().header("Idempotency-Key", UUID.randomUUID().toString()).body(technology(code))
                .post("/api/technologies").then().statusCode(409)
                .body("detail", equalTo("Technology " + code + " is already in the catalogue"));
        asOfficer().get("/api/technologies/{code}", code).then().body("name", equalTo("Interceptor " + code));
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("code", "ua-fpv-7"),
                Arguments.of("code", "FPV7"),
                Arguments.of("code", null),
                Arguments.of("name", " "),
                Arguments.of("category", "TANK"),
                Arguments.of("category", null),
                Arguments.of("controlListEntry", "ML23"),
                Arguments.of("controlListEntry", "Wassenaar"),
                Arguments.of("controlListEntry", null));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidFields")
    void eachInvalidFieldIsNamed(String field, Object value) {
        String code = uniqueCode("BAD");
        Map<String, Object> body = technology(code);
        body.put(field, value);
        asOfficer().body(body).post("/api/technologies").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains(field));
        asOfficer().get("/api/technologies/{code}", code).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.MANUFACTURER, Roles.ORDER_DESK, Roles.NETWORK_ADMIN, Roles.OPERATOR })
    void onlyOfficersWriteTheCatalogue(String role) {
        as(TestTokens.user("someone", role).bearer()).body(technology(uniqueCode("NO"))).post("/api/technologies")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void badQueriesAreNamed() {
        asOfficer().queryParam("category", "TANK").queryParam("size", 0).get("/api/technologies").then()
                .statusCode(400).body("errors.field", contains("category", "size"));
        asOfficer().get("/api/technologies/{code}", "UA-NONE-0").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
