package org.buildwithukraine.factory.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.factory.Requests.asNetworkAdmin;
import static org.buildwithukraine.factory.Requests.factory;
import static org.buildwithukraine.factory.Requests.register;
import static org.buildwithukraine.factory.Requests.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.TestTokens;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FactoryRegistrationTest {

    @RegisterExtension
    static final TopicRecorder factoryEvents = TopicRecorder.of(Topics.FACTORY_EVENTS);

    @Test
    void registeredFactoryIsStoredAndAnnounced() {
        String id = uniqueId("de-munich");
        register(id)
                .header("Location", endsWith("/api/factories/" + id))
                .contentType("application/json")
                .body("id", equalTo(id))
                .body("status", equalTo("ONBOARDING"))
                .body("capabilities", contains("FPV_DRONE", "RECON_UAV"));

        asNetworkAdmin().get("/api/factories/{id}", id).then().statusCode(200)
                .body("name", equalTo("Factory " + id)).body("country", equalTo("DE"));

        List<EventEnvelope> events = factoryEvents.awaitEvents(id, 1);
        EventEnvelope registered = events.get(0);
        assertThat(registered.type()).isEqualTo(FactoryEventTypes.REGISTERED);
        assertThat(registered.aggregateId()).isEqualTo(id);
        assertThat(registered.actor()).isEqualTo("netadmin");
        assertThat(registered.schemaVersion()).isEqualTo(1);
        assertThat(registered.payload().get("status").asText()).isEqualTo("ONBOARDING");
        assertThat(factoryEvents.recordsFor(id).get(0).key()).isEqualTo(id);
    }

    @Test
    void everyEventHasItsOwnId() {
        String first = uniqueId("uk-bristol");
        String second = uniqueId("uk-bristol");
        register(first);
        register(second);
        var one = factoryEvents.awaitEvents(first, 1).get(0);
        var other = factoryEvents.awaitEvents(second, 1).get(0);
        assertThat(one.eventId()).isNotNull().isNotEqualTo(other.eventId());
    }

    @Test
    void registeringAnIdTwiceIsAConflict() {
        String id = uniqueId("pl-rzeszow");
        register(id);
        asNetworkAdmin().body(factory(id)).post("/api/factories").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", equalTo("Factory " + id + " is already registered"));
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("id", "De_Munich"),
                Arguments.of("id", "ab"),
                Arguments.of("id", null),
                Arguments.of("name", " "),
                Arguments.of("name", null),
                Arguments.of("country", "XX"),
                Arguments.of("country", "de"),
                Arguments.of("country", "DEU"),
                Arguments.of("country", null),
                Arguments.of("kind", "WAREHOUSE"),
                Arguments.of("kind", null),
                Arguments.of("capabilities", List.of("FPV_DRONE", "DEATH_RAY")));
    }

    @ParameterizedTest
    @MethodSource("invalidFields")
    void eachInvalidFieldIsNamedAndNothingIsStored(String field, Object value) {
        String id = uniqueId("cz-brno");
        Map<String, Object> body = new HashMap<>(factory(id));
        body.put(field, value);
        asNetworkAdmin().body(body).post("/api/factories").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field.equals("capabilities") ? "capabilities[1]" : field));
        asNetworkAdmin().get("/api/factories/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void allInvalidFieldsAreReportedTogether() {
        asNetworkAdmin().body(Map.of("id", "X", "name", "", "country", "ZZ", "kind", "SHED")).post("/api/factories")
                .then().statusCode(400)
                .body("errors.field", contains("country", "id", "kind", "name"));
    }

    @Test
    void malformedOrMissingBodyIsABadRequest() {
        asNetworkAdmin().body("{\"id\": ").post("/api/factories").then()
                .statusCode(400).contentType("application/problem+json");
        asNetworkAdmin().post("/api/factories").then()
                .statusCode(400).contentType("application/problem+json");
        asNetworkAdmin().body("[1,2]").post("/api/factories").then()
                .statusCode(400).contentType("application/problem+json");
        asNetworkAdmin().body("{\"id\": \"nl-venlo\", \"capabilities\": \"FPV_DRONE\"}").post("/api/factories")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongMediaTypeIsRefusedClearly() {
        given().header("Authorization", TestTokens.user("netadmin", Roles.NETWORK_ADMIN).bearer())
                .contentType("text/plain").body("hello").post("/api/factories").then()
                .statusCode(415).contentType("application/problem+json");
    }
}
