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
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.factory.Requests;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.TestTokens;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

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

    @Test
    void aRegistrationRetriedWithItsKeyGetsTheFirstAnswerAndIsAnnouncedOnce() {
        String id = uniqueId("ro-brasov");
        String key = UUID.randomUUID().toString();
        Response first = asNetworkAdmin().header("Idempotency-Key", key).body(factory(id)).post("/api/factories");
        first.then().statusCode(201);
        Response again = asNetworkAdmin().header("Idempotency-Key", key).body(factory(id)).post("/api/factories");
        again.then().statusCode(201).header("Location", first.header("Location"));
        assertThat(again.asString()).isEqualTo(first.asString());

        // the same key for another registration: 409 naming the key, nothing changed
        Map<String, Object> renamed = new HashMap<>(factory(id));
        renamed.put("name", "Renamed " + id);
        asNetworkAdmin().header("Idempotency-Key", key).body(renamed).post("/api/factories").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", startsWith("Idempotency-Key " + key + " was already used for a different request"));
        // the same factory under another key is a second registration of its id, as without a key
        asNetworkAdmin().header("Idempotency-Key", UUID.randomUUID().toString()).body(factory(id))
                .post("/api/factories").then().statusCode(409)
                .body("detail", equalTo("Factory " + id + " is already registered"));
        asNetworkAdmin().get("/api/factories/{id}", id).then().statusCode(200).body("name", equalTo("Factory " + id));

        // one FactoryRegistered: the next event of the factory follows it directly
        Requests.changeStatus(id, "ACTIVE", "audit passed").statusCode(200);
        assertThat(factoryEvents.awaitEvents(id, 2)).extracting(EventEnvelope::type)
                .containsExactly(FactoryEventTypes.REGISTERED, FactoryEventTypes.ACTIVATED);
    }

    @Test
    void aMalformedIdempotencyKeyIsNamedAndNothingIsStored() {
        String id = uniqueId("sk-kosice");
        asNetworkAdmin().header("Idempotency-Key", "x".repeat(201)).body(factory(id)).post("/api/factories").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("Idempotency-Key"));
        asNetworkAdmin().get("/api/factories/{id}", id).then().statusCode(404);
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
