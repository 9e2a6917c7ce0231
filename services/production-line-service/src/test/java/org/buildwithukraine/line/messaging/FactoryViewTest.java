package org.buildwithukraine.line.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.line.Requests.TECHNOLOGY;
import static org.buildwithukraine.line.Requests.asMaker;
import static org.buildwithukraine.line.Requests.line;
import static org.buildwithukraine.line.Requests.lineId;
import static org.buildwithukraine.line.Requests.uniqueId;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.line.Events;
import org.buildwithukraine.line.KnownFactory;
import org.buildwithukraine.testsupport.TestKafka;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The local view of factories that line registration relies on, kept from factory.events. */
@QuarkusTest
class FactoryViewTest {

    @Test
    void aRedeliveredOrOlderEventDoesNotUndoANewerOne() {
        String id = uniqueId("de-bremen");
        Instant t = Instant.now();
        UUID activated = UUID.randomUUID();
        send(id, Events.factoryEvent(activated, "FactoryActivated", id, FactoryKind.MANUFACTURER,
                FactoryStatus.ACTIVE, t));
        Events.awaitFactory(id, FactoryStatus.ACTIVE);
        send(id, Events.factoryEvent(UUID.randomUUID(), "FactorySuspended", id, FactoryKind.MANUFACTURER,
                FactoryStatus.SUSPENDED, t.plusSeconds(60)));
        Events.awaitFactory(id, FactoryStatus.SUSPENDED);

        // the same event again (at-least-once delivery), and an older snapshot under a new id (a late resend)
        send(id, Events.factoryEvent(activated, "FactoryActivated", id, FactoryKind.MANUFACTURER,
                FactoryStatus.ACTIVE, t));
        send(id, Events.factoryEvent(UUID.randomUUID(), "FactoryUpdated", id, FactoryKind.MANUFACTURER,
                FactoryStatus.ACTIVE, t.plusSeconds(30)));
        // a later event of the same key is applied only after those two: once it is in, they were seen
        send(id, Events.factoryEvent(UUID.randomUUID(), "FactoryUpdated", id, FactoryKind.MANUFACTURER,
                FactoryStatus.SUSPENDED, t.plusSeconds(90)));
        await().atMost(Duration.ofSeconds(30)).until(() -> asOf(id).isAfter(t.plusSeconds(89)));

        Events.awaitFactory(id, FactoryStatus.SUSPENDED);
        asMaker(id).body(line(id, TECHNOLOGY, 10)).put("/api/lines/{id}", lineId("de", "BRE")).then()
                .statusCode(409);
    }

    @Test
    void anUnreadableEventIsParkedOnTheDeadLetterTopicAndTheNextOneIsApplied() {
        String id = uniqueId("de-kiel");
        try (TopicRecorder deadLetters = TopicRecorder.of(Topics.deadLetterOf(Topics.FACTORY_EVENTS))) {
            send(id, "this is not an event");
            send(id, Events.envelope(UUID.randomUUID(), "FactoryActivated", id, Instant.now(), "not a snapshot"));
            Events.factory(id, FactoryKind.MANUFACTURER, FactoryStatus.ACTIVE);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> deadLetters.recordsFor(id).size() == 2);
            assertThat(deadLetters.recordsFor(id).get(0).value()).isEqualTo("this is not an event");
        }
    }

    private static void send(String factoryId, String json) {
        TestKafka.send(Topics.FACTORY_EVENTS, factoryId, json);
    }

    private static Instant asOf(String factoryId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            KnownFactory factory = KnownFactory.findById(factoryId);
            return factory == null ? Instant.EPOCH : factory.asOf;
        });
    }
}
