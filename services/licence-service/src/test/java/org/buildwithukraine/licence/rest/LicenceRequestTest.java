package org.buildwithukraine.licence.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.as;
import static org.buildwithukraine.licence.Fixtures.asMaker;
import static org.buildwithukraine.licence.Fixtures.asOfficer;
import static org.buildwithukraine.licence.Fixtures.decide;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.buildwithukraine.licence.Fixtures.uniqueId;
import static org.buildwithukraine.licence.Fixtures.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.TestTokens;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Manufacturers ask for licences for their own factory, which the token names; officers decide. */
@QuarkusTest
class LicenceRequestTest {

    @RegisterExtension
    static final TopicRecorder licenceEvents = TopicRecorder.of(Topics.LICENCE_EVENTS);

    private static String factory;
    private static String otherFactory;
    private static String technology;

    @BeforeEach
    void world() {
        if (factory != null) {
            return;
        }
        factory = activeFactory("pl-request");
        otherFactory = activeFactory("cz-request");
        technology = technology();
    }

    /** What a manufacturer sends: no factory, it comes from the token. */
    private static Map<String, Object> application() {
        Map<String, Object> body = new HashMap<>(licence(technology, factory));
        body.remove("factoryId");
        body.put("reason", "Second line ready in May");
        return body;
    }

    @Test
    void aRequestIsForTheCallersFactoryAndWaitsForAnOfficer() {
        Response requested = asMaker(factory).body(application()).post("/api/licences/requests");
        requested.then().statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("factoryId", equalTo(factory))
                .body("requestedBy", equalTo("maker-" + factory))
                .body("grantedBy", nullValue())
                .body("statusReason", equalTo("Second line ready in May"));
        String id = requested.path("id");

        decide(id, "grant", "capacity audit passed").statusCode(200)
                .body("status", equalTo("GRANTED")).body("grantedBy", equalTo("officer"))
                .body("requestedBy", equalTo("maker-" + factory));

        List<EventEnvelope> events = licenceEvents.awaitEvents(id, 2);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("LicenceRequested", "LicenceGranted");
        assertThat(events.get(0).actor()).isEqualTo("maker-" + factory);
        assertThat(events.get(0).payload().get("status").asText()).isEqualTo("REQUESTED");
        asMaker(factory).get("/api/licences/{id}/audit", id).then().statusCode(200)
                .body("action", contains("REQUEST", "GRANT"))
                .body("actor", contains("maker-" + factory, "officer"))
                .body("reason", contains("Second line ready in May", "capacity audit passed"));
    }

    @Test
    void theFactoryComesFromTheTokenNeverFromTheBody() {
        long before = queryLong("select count(*) from licence where factory_id = ?", otherFactory);
        asMaker(factory).body(with(application(), "factoryId", otherFactory)).post("/api/licences/requests").then()
                .statusCode(403).contentType("application/problem+json");
        assertThat(queryLong("select count(*) from licence where factory_id = ?", otherFactory)).isEqualTo(before);

        asMaker(factory).body(with(application(), "factoryId", factory)).post("/api/licences/requests").then()
                .statusCode(201).body("factoryId", equalTo(factory));
    }

    @Test
    void aManufacturerWithoutFactoryCannotRequest() {
        as(TestTokens.user("maker-nowhere", Roles.MANUFACTURER).bearer()).body(application())
                .post("/api/licences/requests").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aFactoryMesRequestsNoLicenceAndReadsNone() {
        String token = TestTokens.mes(factory).bearer();
        as(token).body(application()).post("/api/licences/requests").then().statusCode(403)
                .contentType("application/problem+json");
        as(token).get("/api/licences").then().statusCode(403);
        assertThat(queryLong("select count(*) from licence where requested_by = ?", "service-account-mes-" + factory))
                .isZero();
    }

    @Test
    void aManufacturerMayAskForEarlierRevisionsOfTheTechnicalData() {
        asMaker(factory).body(application()).post("/api/licences/requests").then().statusCode(201)
                .body("earlierRevisions", equalTo(false));
        String id = asMaker(factory).body(with(application(), "earlierRevisions", true))
                .post("/api/licences/requests").then().statusCode(201).body("earlierRevisions", equalTo(true))
                .extract().path("id");
        assertThat(licenceEvents.awaitEvents(id, 1).get(0).payload().get("earlierRevisions").asBoolean()).isTrue();
    }

    @Test
    void requestsAreValidatedLikeGrants() {
        asMaker(factory).body(with(with(application(), "technologyCode", "UA-NOPE-9"), "quantityCap", -1))
                .post("/api/licences/requests").then().statusCode(400)
                .body("errors.field", contains("quantityCap"));
        asMaker(factory).body(with(application(), "technologyCode", "UA-NOPE-9"))
                .post("/api/licences/requests").then().statusCode(400)
                .body("errors.field", contains("technologyCode"));
        String unknown = uniqueId("xx-unknown");
        as(TestTokens.user("maker-x", Roles.MANUFACTURER).factory(unknown).bearer()).body(application())
                .post("/api/licences/requests").then().statusCode(400)
                .body("errors.field", contains("factoryId"));
    }

    @Test
    void aRetriedRequestIsRecordedOnce() {
        String key = uniqueId("request-key");
        String first = asMaker(factory).header("Idempotency-Key", key).body(application())
                .post("/api/licences/requests").then().statusCode(201).extract().path("id");
        asMaker(factory).header("Idempotency-Key", key).body(application()).post("/api/licences/requests").then()
                .statusCode(201).body("id", equalTo(first)).body("status", equalTo("REQUESTED"));
        asMaker(factory).header("Idempotency-Key", key).body(with(application(), "quantityCap", 7))
                .post("/api/licences/requests").then().statusCode(409).contentType("application/problem+json");
        assertThat(queryLong("select count(*) from licence where requested_by = ? and id = ?", "maker-" + factory,
                first)).isEqualTo(1);
        assertThat(queryLong("select count(*) from licence_audit where licence_id = ?", first)).isEqualTo(1);
    }

    @Test
    void officersGrantButDoNotRequest() {
        asOfficer().body(application()).post("/api/licences/requests").then().statusCode(403);
        asMaker(factory).body(licence(technology, factory)).post("/api/licences").then().statusCode(403);
    }
}
