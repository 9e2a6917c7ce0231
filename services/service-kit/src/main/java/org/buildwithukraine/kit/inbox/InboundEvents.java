package org.buildwithukraine.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.EventEnvelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads what arrives on a topic. A record that is not a valid envelope, or whose payload does not fit its type,
 * throws {@link UnreadableEventException}: the channel's dead-letter strategy parks it and the partition moves on.
 * Unlike a request body, an event may carry fields its reader does not know: a producer that adds one must not
 * send its consumers' partitions to the dead-letter topic.
 */
@ApplicationScoped
public class InboundEvents {

    private final ObjectReader tolerant;

    public InboundEvents(ObjectMapper objectMapper) {
        this.tolerant = objectMapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public EventEnvelope parse(String json) {
        try {
            EventEnvelope envelope = tolerant.forType(EventEnvelope.class).readValue(json);
            if (envelope.eventId() == null || envelope.type() == null || envelope.aggregateId() == null) {
                throw new UnreadableEventException("Event envelope without id, type or aggregate id: " + json);
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("Not an event envelope: " + e.getOriginalMessage());
        }
    }

    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return tolerant.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEventException(
                    "Payload of " + envelope.type() + " " + envelope.eventId() + " is not a " + type.getSimpleName());
        }
    }

    public static class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message) {
            super(message);
        }
    }
}
