package org.buildwithukraine.kit.outbox;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.kit.tracing.EventTracing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records domain events in the caller's transaction. The event is published by {@link OutboxRelay} only once
 * that transaction has committed, so a rolled-back change publishes nothing and a committed one is never lost.
 * The event keeps the trace context of the work that records it ({@link EventTracing#currentContext()}), so that
 * its publication and whatever its consumers do continue that trace.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final EventTracing tracing;

    public Outbox(EntityManager entityManager, ObjectMapper objectMapper, Clock clock, EventTracing tracing) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.tracing = tracing;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope record(String topic, String aggregateId, String type, int schemaVersion, String actor,
            Object payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, aggregateId, clock.instant(), actor,
                schemaVersion, objectMapper.valueToTree(payload));
        OutboxEvent event = new OutboxEvent();
        event.eventId = envelope.eventId();
        event.topic = topic;
        event.aggregateId = aggregateId;
        event.eventType = type;
        event.envelope = toJson(envelope);
        event.occurredAt = envelope.occurredAt();
        Map<String, String> trace = tracing.currentContext();
        event.traceparent = trace.get(EventTracing.TRACEPARENT);
        event.tracestate = trace.get(EventTracing.TRACESTATE);
        entityManager.persist(event);
        return envelope;
    }

    private String toJson(EventEnvelope envelope) {
        try {
            return objectMapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + envelope.type() + " cannot be serialised", e);
        }
    }
}
