package org.buildwithukraine.licence.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.announceFactory;
import static org.buildwithukraine.licence.Fixtures.asMaker;
import static org.buildwithukraine.licence.Fixtures.asOfficer;
import static org.buildwithukraine.licence.Fixtures.awaitFactoryStatus;
import static org.buildwithukraine.licence.Fixtures.awaitStatus;
import static org.buildwithukraine.licence.Fixtures.decide;
import static org.buildwithukraine.licence.Fixtures.envelope;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.licenceOf;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.buildwithukraine.licence.Fixtures.queryString;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.buildwithukraine.licence.Fixtures.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.testsupport.TestKafka;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;

/** The local view of factories from factory.events, and what a factory's suspension does to its licences. */
@QuarkusTest
class FactoryCascadeTest {

    @RegisterExtension
    static final TopicRecorder licenceEvents = TopicRecorder.of(Topics.LICENCE_EVENTS);

    @RegisterExtension
    static final TopicRecorder deadLetters = TopicRecorder.of(Topics.deadLetterOf(Topics.FACTORY_EVENTS));

    private static String technology;

    @BeforeEach
    void world() {
        if (technology == null) {
            technology = technology();
        }
    }

    @Test
    void aFactorySuspensionSuspendsItsGrantedLicencesAndTheReinstatementRestoresThem() {
        String factory = activeFactory("de-cascade");
        String granted = grant(technology, factory);
        String heldByOfficer = grant(technology, factory);
        decide(heldByOfficer, "suspend", "quality hold").statusCode(200);
        Map<String, Object> application = new HashMap<>(licence(technology, factory));
        application.remove("factoryId");
        String requested = asMaker(factory).body(application).post("/api/licences/requests").then().statusCode(201)
                .extract().path("id");
        String revoked = grant(technology, factory);
        decide(revoked, "revoke", "replaced").statusCode(200);

        announceFactory(factory, FactoryEventTypes.SUSPENDED, FactoryStatus.SUSPENDED, "security incident");
        awaitStatus(granted, "SUSPENDED");
        licenceOf(granted).body("statusReason", equalTo("factory suspended"))
                .body("suspendedFor", contains("FACTORY"));
        licenceOf(heldByOfficer).body("status", equalTo("SUSPENDED"))
                .body("statusReason", equalTo("quality hold"))
                .body("suspendedFor", contains("FACTORY", "OFFICER"));
        licenceOf(requested).body("status", equalTo("REQUESTED"));
        licenceOf(revoked).body("status", equalTo("REVOKED"));

        EventEnvelope suspended = licenceEvents.awaitEvent(granted, e -> e.type().equals("LicenceSuspended"));
        assertThat(suspended.actor()).isEqualTo("netadmin");
        assertThat(suspended.payload().get("statusReason").asText()).isEqualTo("factory suspended");
        assertThat(suspended.payload().get("status").asText()).isEqualTo("SUSPENDED");

        // while the factory is suspended nothing brings its licences back, and it gets no new ones
        decide(granted, "reinstate", "too early").statusCode(409);
        decide(heldByOfficer, "reinstate", "too early").statusCode(409);
        decide(requested, "grant", "approved").statusCode(409)
                .body("detail", equalTo("Licence " + requested + " cannot be granted: factory " + factory
                        + " is SUSPENDED"));
        asOfficer().body(licence(technology, factory)).post("/api/licences").then().statusCode(400)
                .body("errors.field", contains("factoryId"));

        announceFactory(factory, FactoryEventTypes.REINSTATED, FactoryStatus.ACTIVE, "incident closed");
        awaitStatus(granted, "GRANTED");
        licenceOf(granted).body("statusReason", equalTo("factory reinstated"))
                .body("suspendedFor.size()", equalTo(0));
        // suspended by an officer too: the factory's reinstatement lifts only its own reason
        licenceOf(heldByOfficer).body("status", equalTo("SUSPENDED"))
                .body("statusReason", equalTo("quality hold"))
                .body("suspendedFor", contains("OFFICER"));
        licenceOf(requested).body("status", equalTo("REQUESTED"));

        assertThat(licenceEvents.awaitEvents(granted, 3)).extracting(EventEnvelope::type)
                .containsExactly("LicenceGranted", "LicenceSuspended", "LicenceReinstated");
        asOfficer().get("/api/licences/{id}/audit", granted).then()
                .body("action", contains("GRANT", "FACTORY_SUSPENDED", "FACTORY_REINSTATED"))
                .body("actor", contains("officer", "netadmin", "netadmin"))
                .body("reason", contains(null, "factory suspended", "factory reinstated"));
        asOfficer().get("/api/licences/{id}/audit", heldByOfficer).then()
                .body("action", contains("GRANT", "SUSPEND", "FACTORY_SUSPENDED", "FACTORY_REINSTATED"))
                .body("[2].changes.suspendedFor.to", contains("FACTORY", "OFFICER"))
                .body("[3].changes.suspendedFor.to", contains("OFFICER"));

        decide(heldByOfficer, "reinstate", "hold lifted").statusCode(200).body("status", equalTo("GRANTED"));
        decide(requested, "grant", "approved").statusCode(200);
        assertThat(licenceEvents.awaitEvents(heldByOfficer, 3)).extracting(EventEnvelope::type)
                .as("what the factory did to a licence an officer held was never announced")
                .containsExactly("LicenceGranted", "LicenceSuspended", "LicenceReinstated");
    }

    @Test
    void aRedeliveredOrLateFactoryEventChangesNothing() {
        String factory = activeFactory("de-redelivery");
        String granted = grant(technology, factory);
        String suspension = announceFactory(factory, FactoryEventTypes.SUSPENDED, FactoryStatus.SUSPENDED, "audit");
        awaitStatus(granted, "SUSPENDED");
        announceFactory(factory, FactoryEventTypes.REINSTATED, FactoryStatus.ACTIVE, "audit passed");
        awaitStatus(granted, "GRANTED");

        TestKafka.send(Topics.FACTORY_EVENTS, factory, suspension);
        // a later event of the same factory, same partition: once it is applied, the redelivery was handled
        announceFactory(factory, FactoryEventTypes.UPDATED, FactoryStatus.ACTIVE, "renamed");
        await().atMost(Duration.ofSeconds(20)).until(() -> "renamed".equals(
                queryString("select status_reason from factory_view where id = ?", factory)));

        licenceOf(granted).body("status", equalTo("GRANTED"));
        assertThat(queryLong("select count(*) from licence_audit where licence_id = ?", granted)).isEqualTo(3);
        assertThat(queryString("select status from factory_view where id = ?", factory)).isEqualTo("ACTIVE");
    }

    @Test
    void unreadableFactoryEventsGoToTheDeadLetterTopicAndTheNextOnesAreApplied() {
        String factory = uniqueId("de-unreadable");
        TestKafka.send(Topics.FACTORY_EVENTS, factory, "{\"not\": \"an envelope\"");
        TestKafka.send(Topics.FACTORY_EVENTS, factory, envelope(FactoryEventTypes.REGISTERED, factory, "netadmin", 1,
                Map.of("id", factory, "name", "No status")));
        announceFactory(factory, FactoryEventTypes.REGISTERED, FactoryStatus.ONBOARDING, null);
        announceFactory(factory, FactoryEventTypes.ACTIVATED, FactoryStatus.ACTIVE, "onboarded");
        awaitFactoryStatus(factory, FactoryStatus.ACTIVE);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.recordsFor(factory).size() >= 2);
        assertThat(deadLetters.recordsFor(factory)).hasSize(2);
    }
}
