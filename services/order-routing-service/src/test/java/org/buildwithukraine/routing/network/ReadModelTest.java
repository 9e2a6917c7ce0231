package org.buildwithukraine.routing.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.routing.Fixtures.awaitFactory;
import static org.buildwithukraine.routing.Fixtures.awaitLicence;
import static org.buildwithukraine.routing.Fixtures.awaitLine;
import static org.buildwithukraine.routing.Fixtures.envelope;
import static org.buildwithukraine.routing.Fixtures.unique;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.events.licence.TechnicalDataReleaseSnapshot;
import org.buildwithukraine.events.licence.UnlicensedOutputRecorded;
import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.events.line.LineSnapshot;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.routing.Fixtures;
import org.buildwithukraine.testsupport.TestKafka;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Events in, read model out: factories, licences and lines as their services describe them, each event once. */
@QuarkusTest
class ReadModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TopicRecorder lineStatusDeadLetters = TopicRecorder.of(Topics.deadLetterOf(Topics.LINE_STATUS));
    @RegisterExtension
    static final TopicRecorder licenceDeadLetters = TopicRecorder.of(Topics.deadLetterOf(Topics.LICENCE_EVENTS));

    @Test
    void factoryEventsBuildTheFactoryView() {
        String id = unique("pl-rzeszow").toLowerCase();
        Fixtures.factory(id, FactoryKind.MANUFACTURER, FactoryStatus.ONBOARDING, null);
        awaitFactory(id, f -> f.status == FactoryStatus.ONBOARDING);
        Fixtures.factory(id, FactoryKind.MANUFACTURER, FactoryStatus.SUSPENDED, "security review");
        awaitFactory(id, f -> f.status == FactoryStatus.SUSPENDED);

        FactoryView view = QuarkusTransaction.requiringNew().call(() -> FactoryView.<FactoryView>findById(id));
        assertThat(view.kind).isEqualTo(FactoryKind.MANUFACTURER);
        assertThat(view.statusReason).isEqualTo("security review");
        assertThat(view.statusSince).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1,
                ChronoUnit.MINUTES));
    }

    @Test
    void licenceEventsBuildTheLicenceView() {
        String id = unique("LIC");
        String technology = unique("UA-T");
        Fixtures.sendLicence(LicenceEventTypes.GRANTED, Fixtures.licence(id, "de-munich", technology, 5000, "LV", "EE"));
        awaitLicence(id, l -> l.status == LicenceStatus.GRANTED);
        Fixtures.sendLicence(LicenceEventTypes.SUSPENDED, Fixtures.withStatus(
                Fixtures.licence(id, "de-munich", technology, 5000, "LV", "EE"), LicenceStatus.SUSPENDED,
                "quality audit"));
        awaitLicence(id, l -> l.status == LicenceStatus.SUSPENDED);

        LicenceView view = QuarkusTransaction.requiringNew().call(() -> LicenceView.<LicenceView>findById(id));
        assertThat(view.technologyCode).isEqualTo(technology);
        assertThat(view.factoryId).isEqualTo("de-munich");
        assertThat(view.activities).containsExactly("EXPORT", "PRODUCE");
        assertThat(view.exportTerritories).containsExactly("EE", "LV");
        assertThat(view.quantityCap).isEqualTo(5000);
        assertThat(view.validTo).isEqualTo(Fixtures.TODAY.plusDays(365));
        assertThat(view.statusReason).isEqualTo("quality audit");
    }

    /** Events on the topic from before licences had the earlier-revisions term are read as they were. */
    @Test
    void aLicenceEventWithoutTheEarlierRevisionsTermIsTakenIn() throws JsonProcessingException {
        String id = unique("LIC");
        UUID eventId = UUID.randomUUID();
        ObjectNode event = (ObjectNode) JSON.readTree(envelope(eventId, LicenceEventTypes.GRANTED, id, "officer",
                Fixtures.licence(id, "de-munich", unique("UA-T"), 300)));
        assertThat(((ObjectNode) event.get("payload")).remove("earlierRevisions")).isNotNull();
        TestKafka.send(Topics.LICENCE_EVENTS, id, JSON.writeValueAsString(event));

        awaitLicence(id, l -> l.status == LicenceStatus.GRANTED && l.quantityCap == 300);
        awaitTaken(eventId);
        assertThat(licenceDeadLetters.recordsFor(id)).isEmpty();
    }

    @Test
    void eventsNotAboutOneLicenceArePassedOverAndTheTopicKeepsMoving() {
        String factory = unique("de-unlicensed").toLowerCase();
        String technology = unique("UA-T");
        UUID unlicensed = UUID.randomUUID();
        TestKafka.send(Topics.LICENCE_EVENTS, factory, envelope(unlicensed,
                LicenceEventTypes.UNLICENSED_OUTPUT_RECORDED, factory, "service-account-mes-" + factory,
                new UnlicensedOutputRecorded(UUID.randomUUID(), "DE-MUC-01", "de", factory, technology, "r-1",
                        Instant.now(), 7, 7, UnlicensedOutputRecorded.UnlicensedReason.NO_VALID_LICENCE)));
        UUID released = UUID.randomUUID();
        TestKafka.send(Topics.LICENCE_EVENTS, technology, envelope(released,
                LicenceEventTypes.TECHNICAL_DATA_RELEASED, technology, "officer",
                new TechnicalDataReleaseSnapshot(technology, "A", "RELEASED", "EU ML10 — export controlled",
                        "First issue", "officer", Instant.now(), null, null, null)));
        String marker = unique("LIC");
        Fixtures.sendLicence(LicenceEventTypes.GRANTED, Fixtures.licence(marker, factory, technology, 10, "LV"));
        awaitLicence(marker, l -> l.status == LicenceStatus.GRANTED);

        awaitTaken(unlicensed);
        awaitTaken(released);
        assertThat(licenceDeadLetters.recordsFor(factory)).isEmpty();
        assertThat(licenceDeadLetters.recordsFor(technology)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> LicenceView.count("factoryId", factory)))
                .isEqualTo(1);
    }

    /** Taken: its delivery recorded in the inbox, which a failed one (dead-lettered) rolls back. */
    private static void awaitTaken(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> ((Number) LicenceView.getEntityManager()
                        .createNativeQuery("select count(*) from processed_event where event_id = ?1")
                        .setParameter(1, eventId).getSingleResult()).longValue() == 1));
    }

    @Test
    void lineEventsBuildTheLineViewAndARedeliveredEventIsAppliedOnce() {
        String id = unique("UK-BRS");
        Instant downSince = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LineSnapshot down = new LineSnapshot(id, "uk", "uk-bristol", "UA-RECON-3", 40, LineState.DOWN,
                DowntimeReason.POWER, downSince);
        UUID downEvent = UUID.randomUUID();
        TestKafka.send(Topics.LINE_STATUS, id, envelope(downEvent, LineEventTypes.REGISTERED, id, "netadmin", down));
        awaitLine(id, l -> l.state == LineState.DOWN);
        Fixtures.sendLine(LineEventTypes.STATUS_CHANGED, Fixtures.line(id, "uk-bristol", "UA-RECON-3", 40,
                LineState.RUNNING));
        awaitLine(id, l -> l.state == LineState.RUNNING);

        // the first event arrives again (at-least-once delivery): it was applied already and must not be again
        TestKafka.send(Topics.LINE_STATUS, id, envelope(downEvent, LineEventTypes.REGISTERED, id, "netadmin", down));
        String marker = unique("UK-BRS");
        Fixtures.registerLine(Fixtures.line(marker, "uk-bristol", "UA-RECON-3", 10, LineState.IDLE));
        awaitLine(marker, l -> l.state == LineState.IDLE);

        LineView view = QuarkusTransaction.requiringNew().call(() -> LineView.<LineView>findById(id));
        assertThat(view.state).isEqualTo(LineState.RUNNING);
        assertThat(view.region).isEqualTo("de");
        assertThat(view.factoryId).isEqualTo("uk-bristol");
        assertThat(view.technologyCode).isEqualTo("UA-RECON-3");
        assertThat(view.capacityPerDay).isEqualTo(40);
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheNextOneIsStillApplied() {
        String id = unique("DE-MUC");
        TestKafka.send(Topics.LINE_STATUS, id, "this is not an event");
        TestKafka.send(Topics.LINE_STATUS, id, envelope(UUID.randomUUID(), LineEventTypes.STATUS_CHANGED, id, "x",
                Map.of("lineId", id, "nominalCapacityPerDay", "lots")));
        Fixtures.registerLine(Fixtures.line(id, "de-munich", "UA-FPV-7", 10, LineState.RUNNING));

        awaitLine(id, l -> l.state == LineState.RUNNING);
        await().atMost(Duration.ofSeconds(30)).until(() -> lineStatusDeadLetters.recordsFor(id).size() == 2);
        assertThat(lineStatusDeadLetters.recordsFor(id).get(0).value()).isEqualTo("this is not an event");
    }
    @Test
    void anOlderSnapshotArrivingLateDoesNotUndoANewerOne() {
        String id = unique("UK-LDS");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LineSnapshot running = Fixtures.line(id, "uk-leeds", "UA-RECON-3", 40, LineState.RUNNING);
        sendLine(UUID.randomUUID(), id, t.plusSeconds(60), 1, Fixtures.line(id, "uk-leeds", "UA-RECON-3", 40,
                LineState.DOWN));
        awaitLine(id, l -> l.state == LineState.DOWN);

        // a resend of an earlier state under a new event id: taken (recorded in the inbox), but not applied
        UUID late = UUID.randomUUID();
        sendLine(late, id, t, 1, running);
        awaitTaken(late);

        LineView view = QuarkusTransaction.requiringNew().call(() -> LineView.<LineView>findById(id));
        assertThat(view.state).isEqualTo(LineState.DOWN);
        assertThat(view.asOf).isEqualTo(t.plusSeconds(60));
    }

    /** A producer on a newer contract: this router cannot read the event, so it parks it and changes nothing. */
    @Test
    void anEventOfAnUnknownSchemaVersionGoesToTheDeadLetterTopicWithTheReasonAndChangesNothing() {
        String id = unique("UK-YRK");
        Fixtures.registerLine(Fixtures.line(id, "uk-york", "UA-RECON-3", 40, LineState.RUNNING));
        awaitLine(id, l -> l.state == LineState.RUNNING);

        UUID newer = UUID.randomUUID();
        sendLine(newer, id, Instant.now(), LineEventTypes.SCHEMA_VERSION + 1,
                Fixtures.line(id, "uk-york", "UA-RECON-3", 40, LineState.DOWN));
        // a later event of the same key is applied only after that one: once it is in, that one was handled
        Fixtures.sendLine(LineEventTypes.STATUS_CHANGED, Fixtures.line(id, "uk-york", "UA-RECON-3", 30,
                LineState.RUNNING));
        awaitLine(id, l -> l.capacityPerDay == 30);

        await().atMost(Duration.ofSeconds(30)).until(() -> lineStatusDeadLetters.recordsFor(id).size() == 1);
        Header reason = lineStatusDeadLetters.recordsFor(id).get(0).headers().lastHeader("dead-letter-reason");
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isEqualTo("Event " + newer
                + " of type LineStatusChanged has schemaVersion " + (LineEventTypes.SCHEMA_VERSION + 1)
                + "; this service reads version " + LineEventTypes.SCHEMA_VERSION + " only");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) LineView.getEntityManager()
                .createNativeQuery("select count(*) from processed_event where event_id = ?1")
                .setParameter(1, newer).getSingleResult()).longValue())).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> LineView.<LineView>findById(id)).state)
                .isEqualTo(LineState.RUNNING);
    }

    private static void sendLine(UUID eventId, String id, Instant occurredAt, int schemaVersion, LineSnapshot line) {
        TestKafka.send(Topics.LINE_STATUS, id, envelope(eventId, LineEventTypes.STATUS_CHANGED, id, "client:mes",
                occurredAt, schemaVersion, line));
    }
}
