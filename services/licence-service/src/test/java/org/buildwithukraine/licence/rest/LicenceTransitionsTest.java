package org.buildwithukraine.licence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.asMaker;
import static org.buildwithukraine.licence.Fixtures.asOfficer;
import static org.buildwithukraine.licence.Fixtures.decide;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.licence.Fixtures;
import org.buildwithukraine.testsupport.TestTokens;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Every officer decision, allowed and refused, through the API: an allowed one changes the status, announces
 * it and appends to the audit trail; a refused one is a 409 and leaves no trace.
 */
@QuarkusTest
class LicenceTransitionsTest {

    @RegisterExtension
    static final TopicRecorder licenceEvents = TopicRecorder.of(Topics.LICENCE_EVENTS);

    private static String factory;
    private static String technology;

    @BeforeEach
    void world() {
        if (factory != null) {
            return;
        }
        factory = activeFactory("fr-transitions");
        technology = technology();
    }

    private static String requested() {
        Map<String, Object> body = new HashMap<>(licence(technology, factory));
        body.remove("factoryId");
        return asMaker(factory).body(body).post("/api/licences/requests").then().statusCode(201).extract().path("id");
    }

    @Test
    void requestedGrantedSuspendedReinstatedRevoked() {
        String id = requested();
        decide(id, "grant", "approved").statusCode(200).body("status", equalTo("GRANTED"))
                .body("statusReason", equalTo("approved"));
        decide(id, "suspend", "quality audit").statusCode(200).body("status", equalTo("SUSPENDED"))
                .body("statusReason", equalTo("quality audit")).body("suspendedFor", contains("OFFICER"));
        decide(id, "reinstate", "audit passed").statusCode(200).body("status", equalTo("GRANTED"))
                .body("suspendedFor.size()", equalTo(0));
        decide(id, "revoke", "end of cooperation").statusCode(200).body("status", equalTo("REVOKED"))
                .body("statusReason", equalTo("end of cooperation"));

        List<EventEnvelope> events = licenceEvents.awaitEvents(id, 5);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("LicenceRequested", "LicenceGranted",
                "LicenceSuspended", "LicenceReinstated", "LicenceRevoked");
        assertThat(events).extracting(e -> e.payload().get("status").asText())
                .containsExactly("REQUESTED", "GRANTED", "SUSPENDED", "GRANTED", "REVOKED");
        assertThat(events.get(2).payload().get("statusReason").asText()).isEqualTo("quality audit");
        assertThat(events.subList(1, 5)).extracting(EventEnvelope::actor).containsOnly("officer");
        assertThat(events).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();

        asOfficer().get("/api/licences/{id}/audit", id).then().statusCode(200)
                .body("action", contains("REQUEST", "GRANT", "SUSPEND", "REINSTATE", "REVOKE"))
                .body("actor", contains("maker-" + factory, "officer", "officer", "officer", "officer"))
                .body("reason", contains(null, "approved", "quality audit", "audit passed", "end of cooperation"))
                .body("[2].changes.status.from", equalTo("GRANTED"))
                .body("[2].changes.status.to", equalTo("SUSPENDED"))
                .body("[2].changes.suspendedFor.to", contains("OFFICER"))
                .body("[4].changes.status.to", equalTo("REVOKED"));
    }

    @Test
    void revokingARequestRefusesIt() {
        String id = requested();
        decide(id, "revoke", "no capacity").statusCode(200).body("status", equalTo("REVOKED"));
        assertThat(licenceEvents.awaitEvents(id, 2)).extracting(EventEnvelope::type)
                .containsExactly("LicenceRequested", "LicenceRevoked");
    }

    @Test
    void aGrantedLicenceCanBeRevokedWithoutSuspension() {
        String id = grant(technology, factory);
        decide(id, "revoke", "export breach").statusCode(200).body("status", equalTo("REVOKED"));
    }

    @Test
    void illegalDecisionsAreConflictsAndLeaveNoTrace() {
        String id = requested();
        decide(id, "suspend", "too early").statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Licence " + id + " cannot be suspended: The licence is REQUESTED: only a "
                        + "GRANTED licence can be suspended"));
        decide(id, "reinstate", null).statusCode(409);

        decide(id, "grant", null).statusCode(200);
        decide(id, "grant", "again").statusCode(409).body("detail", containsString("only a REQUESTED licence"));
        decide(id, "reinstate", "not suspended").statusCode(409);

        decide(id, "suspend", "incident").statusCode(200);
        decide(id, "suspend", "twice").statusCode(409);
        decide(id, "grant", "grant a suspended one").statusCode(409);

        decide(id, "revoke", "for good").statusCode(200);
        for (String decision : new String[] { "grant", "suspend", "reinstate", "revoke" }) {
            decide(id, decision, "after revocation").statusCode(409).contentType("application/problem+json")
                    .body("status", equalTo(409));
        }
        asOfficer().get("/api/licences/{id}", id).then().body("status", equalTo("REVOKED"))
                .body("statusReason", equalTo("for good"));

        // a later licence's event is through, so the relay is past everything of this one
        String marker = grant(technology, factory);
        licenceEvents.awaitEvents(marker, 1);
        assertThat(licenceEvents.eventsFor(id)).extracting(EventEnvelope::type)
                .containsExactly("LicenceRequested", "LicenceGranted", "LicenceSuspended", "LicenceRevoked");
        assertThat(queryLong("select count(*) from licence_audit where licence_id = ?", id)).isEqualTo(4);
    }

    @Test
    void suspensionAndRevocationNeedAReason() {
        String id = grant(technology, factory);
        decide(id, "suspend", " ").statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("reason"));
        asOfficer().post("/api/licences/{id}/revoke", id).then().statusCode(400)
                .body("errors.field", contains("reason"));
        decide(id, "suspend", "x".repeat(501)).statusCode(400).body("errors.field", contains("reason"));
        asOfficer().get("/api/licences/{id}", id).then().body("status", equalTo("GRANTED"));
    }

    /**
     * A decision's body is JSON. Sent as text it is refused, though a record of one reason could be built from any
     * text (RESTEasy reads text/plain into a type with a String constructor): 415, and nothing changes.
     */
    @Test
    void aDecisionSentAsTextIsUnsupportedAndChangesNothing() {
        String id = grant(technology, factory);
        for (String decision : new String[] { "suspend", "revoke" }) {
            given().header("Authorization", TestTokens.user(Fixtures.OFFICER, Roles.TECHNOLOGY_OFFICER).bearer())
                    .contentType("text/plain").body("{\"reason\": \"sent as text\"}")
                    .post("/api/licences/{id}/" + decision, id).then().statusCode(415)
                    .contentType("application/problem+json").body("status", equalTo(415));
        }
        asOfficer().get("/api/licences/{id}", id).then().body("status", equalTo("GRANTED"));
        assertThat(queryLong("select count(*) from licence_audit where licence_id = ?", id)).isEqualTo(1);
    }

    /** As curl sends a POST without data: no body, no Content-Type (RestAssured would send one). */
    @Test
    void aDecisionWithoutABodyNeedsNoContentType() throws Exception {
        String id = requested();
        HttpRequest grant = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + "/api/licences/" + id + "/grant"))
                .header("Authorization", TestTokens.user(Fixtures.OFFICER, Roles.TECHNOLOGY_OFFICER).bearer())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(grant, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        asOfficer().get("/api/licences/{id}", id).then().body("status", equalTo("GRANTED"));
    }

    @Test
    void unknownLicencesAreNotFound() {
        for (String decision : new String[] { "grant", "suspend", "reinstate", "revoke" }) {
            decide("no-such-licence", decision, "why not").statusCode(404).contentType("application/problem+json");
        }
        asOfficer().get("/api/licences/{id}", "no-such-licence").then().statusCode(404);
        asOfficer().get("/api/licences/{id}/audit", "no-such-licence").then().statusCode(404);
    }
}
