package org.buildwithukraine.factory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.factory.Requests.changeStatus;
import static org.buildwithukraine.factory.Requests.register;
import static org.buildwithukraine.factory.Requests.uniqueId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.kit.outbox.OutboxBacklog;
import org.buildwithukraine.testsupport.KafkaOutageResource;
import org.buildwithukraine.testsupport.TcpLink;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The broker taken away from the service (every connection reset, new ones refused) while changes go on: the
 * outbox keeps every event, the relay tries and gives up batch after batch, and once the broker is back it relays
 * them all, each factory's in the order they were committed (sent more than once, as a batch given up is sent
 * again: consumers absorb that on the event id).
 */
@QuarkusTest
@TestProfile(KafkaOutageTest.ThroughCuttableBroker.class)
class KafkaOutageTest {

    private static final int FACTORIES = 3;
    private static final int EVENTS_EACH = 4;

    /** Its own boot: Kafka through a link this test can cut, and a relay that gives up on a batch within 1 s. */
    public static class ThroughCuttableBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaOutageResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bwu.outbox.send-timeout", "1s");
        }
    }

    @RegisterExtension
    static final TopicRecorder factoryEvents = TopicRecorder.of(Topics.FACTORY_EVENTS);

    @KafkaOutageResource.Link
    TcpLink kafka;

    @Inject
    OutboxBacklog backlog;

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void kafkaBack() {
        kafka.restore();
    }

    @Test
    void whileKafkaIsAwayTheOutboxKeepsEveryEventAndOnceBackRelaysThemAllInOrderPerFactory() {
        String before = uniqueId("before-outage");
        register(before);
        factoryEvents.awaitEvents(before, 1);

        kafka.cut();
        double givenUpBefore = givenUp();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < FACTORIES; i++) {
            String id = uniqueId("kafka-outage-" + i);
            ids.add(id);
            register(id);
            changeStatus(id, "ACTIVE", "onboarded").statusCode(200);
            changeStatus(id, "SUSPENDED", "inspection").statusCode(200);
            changeStatus(id, "ACTIVE", "inspection passed").statusCode(200);
        }
        // the relay sent, waited for Kafka in vain and gave up, and again: the backlog grows meanwhile
        await().atMost(Duration.ofSeconds(30)).until(() -> givenUp() >= givenUpBefore + 2);
        for (String id : ids) {
            assertThat(unpublished(id)).as("unpublished events of %s", id).isEqualTo(EVENTS_EACH);
            assertThat(factoryEvents.eventsFor(id)).isEmpty();
        }
        assertThat(backlog.pending()).isGreaterThanOrEqualTo(FACTORIES * EVENTS_EACH);

        kafka.restore();
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(id) == 0);
            List<UUID> committed = committedEvents(id);
            factoryEvents.awaitEvents(id, EVENTS_EACH);
            await().atMost(Duration.ofSeconds(30)).until(() -> firstDeliveries(id).size() == EVENTS_EACH);
            assertThat(firstDeliveries(id)).as("events of %s in the order committed", id).isEqualTo(committed);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> backlog.pending() == 0);
    }

    /** How often the relay stopped waiting for Kafka to acknowledge an event. */
    private double givenUp() {
        return registry.counter("bwu.outbox.publish.failures").count();
    }

    private List<UUID> firstDeliveries(String id) {
        return factoryEvents.eventsFor(id).stream().map(EventEnvelope::eventId).distinct().toList();
    }

    private List<UUID> committedEvents(String id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select e.eventId from OutboxEvent e where e.aggregateId = :id order by e.position",
                        UUID.class)
                .setParameter("id", id).getResultList());
    }

    private long unpublished(String id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(e) from OutboxEvent e where e.aggregateId = :id and e.publishedAt is null",
                        Long.class)
                .setParameter("id", id).getResultList().get(0));
    }
}
