package org.buildwithukraine.line;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactorySnapshot;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.order.AllocationCancelled;
import org.buildwithukraine.events.order.AllocationCreated;
import org.buildwithukraine.events.order.AllocationEventTypes;
import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.testsupport.TestKafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** What other services publish, as the service under test receives it from Kafka. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Events() {
    }

    public static String envelope(UUID eventId, String type, String aggregateId, Instant occurredAt, Object payload) {
        try {
            return JSON.writeValueAsString(new EventEnvelope(eventId, type, aggregateId, occurredAt, "test", 1,
                    JSON.valueToTree(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String factoryEvent(UUID eventId, String type, String factoryId, FactoryKind kind,
            FactoryStatus status, Instant occurredAt) {
        return envelope(eventId, type, factoryId, occurredAt, new FactorySnapshot(factoryId, "Factory " + factoryId,
                "DE", kind, EnumSet.of(TechnologyCategory.FPV_DRONE), status, null));
    }

    /** Announces a factory in that status and waits until this instance's local view has it. */
    public static void factory(String factoryId, FactoryKind kind, FactoryStatus status) {
        TestKafka.send(Topics.FACTORY_EVENTS, factoryId,
                factoryEvent(UUID.randomUUID(), "FactoryActivated", factoryId, kind, status, Instant.now()));
        awaitFactory(factoryId, status);
    }

    public static void activeManufacturer(String factoryId) {
        factory(factoryId, FactoryKind.MANUFACTURER, FactoryStatus.ACTIVE);
    }

    public static void awaitFactory(String factoryId, FactoryStatus status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            KnownFactory factory = KnownFactory.findById(factoryId);
            return factory != null && factory.status == status;
        }));
    }

    public static String allocationCreated(UUID eventId, String allocationId, String lineId, String factoryId,
            long quantity, Instant occurredAt) {
        return envelope(eventId, AllocationEventTypes.CREATED, lineId, occurredAt,
                new AllocationCreated(allocationId, "order-" + allocationId, lineId, factoryId, "lic-" + factoryId,
                        Requests.TECHNOLOGY, CustomerClass.UA_DEFENCE, quantity, occurredAt,
                        occurredAt.plus(Duration.ofDays(3))));
    }

    public static String allocationCancelled(UUID eventId, String allocationId, String lineId, Instant occurredAt) {
        return envelope(eventId, AllocationEventTypes.CANCELLED, lineId, occurredAt,
                new AllocationCancelled(allocationId, "order-" + allocationId, lineId, "line DOWN"));
    }
}
