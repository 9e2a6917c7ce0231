package org.buildwithukraine.licence.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.asMaker;
import static org.buildwithukraine.licence.Fixtures.asOfficer;
import static org.buildwithukraine.licence.Fixtures.decide;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.buildwithukraine.licence.Fixtures.today;
import static org.buildwithukraine.licence.Fixtures.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Officers amend cap, validity, export territories, the earlier-revisions term and provisos of licences that are
 * not final.
 */
@QuarkusTest
class LicenceAmendmentTest {

    @RegisterExtension
    static final TopicRecorder licenceEvents = TopicRecorder.of(Topics.LICENCE_EVENTS);

    private static String factory;
    private static String technology;

    @BeforeEach
    void world() {
        if (factory != null) {
            return;
        }
        factory = activeFactory("se-amend");
        technology = technology();
    }

    private static ValidatableResponse amend(String id, Map<String, Object> changes) {
        return asOfficer().body(changes).patch("/api/licences/{id}", id).then();
    }

    @Test
    void anAmendmentChangesTheTermsAnnouncesThemAndIsAudited() {
        String id = grant(technology, factory);
        String newEnd = today().plusYears(2).toString();
        amend(id, Map.of("quantityCap", 2500, "validTo", newEnd, "exportTerritories", List.of("FI", "EE", "NO"),
                "provisos", "", "reason", "framework contract extended")).statusCode(200)
                .body("quantityCap", equalTo(2500)).body("remainingQuota", equalTo(2500))
                .body("validTo", equalTo(newEnd))
                .body("exportTerritories", contains("EE", "FI", "NO"))
                .body("provisos", nullValue())
                .body("status", equalTo("GRANTED"));

        List<EventEnvelope> events = licenceEvents.awaitEvents(id, 2);
        assertThat(events.get(1).type()).isEqualTo("LicenceAmended");
        assertThat(events.get(1).payload().get("quantityCap").asLong()).isEqualTo(2500);
        assertThat(events.get(1).payload().get("remainingQuota").asLong()).isEqualTo(2500);
        assertThat(events.get(1).payload().get("validTo").asText()).isEqualTo(newEnd);
        assertThat(events.get(1).payload().get("exportTerritories")).extracting(n -> n.asText())
                .containsExactlyInAnyOrder("FI", "EE", "NO");

        asOfficer().get("/api/licences/{id}/audit", id).then().statusCode(200)
                .body("action", contains("GRANT", "AMEND"))
                .body("[1].reason", equalTo("framework contract extended"))
                .body("[1].changes.quantityCap.from", equalTo(1000))
                .body("[1].changes.quantityCap.to", equalTo(2500))
                .body("[1].changes.exportTerritories.from", contains("LT", "NO"))
                .body("[1].changes.exportTerritories.to", contains("EE", "FI", "NO"))
                .body("[1].changes.provisos.to", nullValue())
                .body("[1].changes.status", nullValue());
    }

    @Test
    void anAmendmentTogglesEarlierRevisionsAnnouncesItAndIsAudited() {
        String id = grant(technology, factory);
        amend(id, Map.of("earlierRevisions", true, "reason", "revision A still on the line")).statusCode(200)
                .body("earlierRevisions", equalTo(true)).body("quantityCap", equalTo(1000));
        amend(id, Map.of("quantityCap", 1200, "reason", "more units")).statusCode(200)
                .body("earlierRevisions", equalTo(true));
        amend(id, Map.of("earlierRevisions", false, "reason", "line moved to B")).statusCode(200)
                .body("earlierRevisions", equalTo(false));

        List<EventEnvelope> events = licenceEvents.awaitEvents(id, 4);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("LicenceGranted", "LicenceAmended",
                "LicenceAmended", "LicenceAmended");
        assertThat(events).extracting(e -> e.payload().get("earlierRevisions").asBoolean())
                .containsExactly(false, true, true, false);

        asOfficer().get("/api/licences/{id}/audit", id).then().statusCode(200)
                .body("action", contains("GRANT", "AMEND", "AMEND", "AMEND"))
                .body("[1].changes.earlierRevisions.from", equalTo(false))
                .body("[1].changes.earlierRevisions.to", equalTo(true))
                .body("[1].changes.quantityCap", nullValue())
                .body("[2].changes.earlierRevisions", nullValue())
                .body("[3].changes.earlierRevisions.from", equalTo(true))
                .body("[3].changes.earlierRevisions.to", equalTo(false))
                .body("[3].reason", equalTo("line moved to B"));
    }

    @Test
    void anAmendmentThatChangesNothingIsNotAnnounced() {
        String id = grant(technology, factory);
        amend(id, Map.of("quantityCap", 1000, "reason", "same again")).statusCode(200);
        String marker = grant(technology, factory);
        licenceEvents.awaitEvents(marker, 1);
        assertThat(licenceEvents.eventsFor(id)).extracting(EventEnvelope::type).containsExactly("LicenceGranted");
        assertThat(queryLong("select count(*) from licence_audit where licence_id = ?", id)).isEqualTo(1);
    }

    @Test
    void requestedAndSuspendedLicencesCanBeAmendedFinalOnesCannot() {
        String id = grant(technology, factory);
        decide(id, "suspend", "paperwork").statusCode(200);
        amend(id, Map.of("quantityCap", 10, "reason", "smaller batch")).statusCode(200)
                .body("quantityCap", equalTo(10)).body("status", equalTo("SUSPENDED"));
        decide(id, "revoke", "done").statusCode(200);
        amend(id, Map.of("quantityCap", 20, "reason", "too late")).statusCode(409)
                .contentType("application/problem+json");
        asOfficer().get("/api/licences/{id}", id).then().body("quantityCap", equalTo(10));
    }

    @Test
    void badAmendmentsNameTheirFieldsAndChangeNothing() {
        String id = grant(technology, factory);
        amend(id, Map.of("quantityCap", -3, "exportTerritories", List.of("NO", "Norway"))).statusCode(400)
                .body("errors.field", contains("exportTerritories[1]", "quantityCap", "reason"));
        amend(id, Map.of("validFrom", today().plusYears(3).toString(), "reason", "later start")).statusCode(400)
                .body("errors.field", contains("validTo"))
                .body("errors[0].message", equalTo("must be after validFrom"));
        amend(id, Map.of("validFrom", today().minusYears(1).toString(), "validTo", today().minusDays(2).toString(),
                "reason", "backdate")).statusCode(400)
                .body("errors.field", contains("validTo"))
                .body("errors[0].message", equalTo("must not be in the past"));
        amend(id, Map.of("validTo", "tomorrow", "reason", "typo")).statusCode(400)
                .body("errors.field", contains("validTo"));

        String produceOnly = grant(with(with(licence(technology, factory), "activities", List.of("PRODUCE")),
                "exportTerritories", List.of()));
        amend(produceOnly, Map.of("exportTerritories", List.of("NO"), "reason", "export too")).statusCode(400)
                .body("errors.field", contains("exportTerritories"));
        String exportOnly = grant(with(licence(technology, factory), "activities", List.of("EXPORT")));
        amend(exportOnly, Map.of("earlierRevisions", true, "reason", "drawings too")).statusCode(400)
                .body("errors.field", contains("earlierRevisions"));
        amend(id, Map.of("earlierRevisions", "perhaps", "reason", "typo")).statusCode(400)
                .body("errors.field", contains("earlierRevisions"));
        asOfficer().get("/api/licences/{id}", exportOnly).then().body("earlierRevisions", equalTo(false));

        asOfficer().get("/api/licences/{id}", id).then()
                .body("quantityCap", equalTo(1000)).body("exportTerritories", contains("LT", "NO"));
        assertThat(queryLong("select count(*) from licence_audit where licence_id = ?", id)).isEqualTo(1);
    }

    @Test
    void onlyOfficersAmend() {
        String id = grant(technology, factory);
        asMaker(factory).body(Map.of("quantityCap", 5000, "reason", "more please")).patch("/api/licences/{id}", id)
                .then().statusCode(403);
        amend("no-such-licence", Map.of("quantityCap", 5, "reason", "x")).statusCode(404);
    }
}
