package org.buildwithukraine.kit.inbox;

import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.EventSchemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads what arrives on a topic. A record that is not a valid envelope, whose {@code schemaVersion} is not the one
 * the event contracts give for its type, or whose payload does not fit its type, throws
 * {@link UnreadableEventException}: the channel's dead-letter strategy parks it, with the exception's message as
 * its {@code dead-letter-reason} header, and the partition moves on. Nothing is read from a refused event, so it
 * changes nothing. An event of a type the contracts do not describe passes: its consumer passes over types it does
 * not handle, including ones a producer adds later.
 * <p>
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
            OptionalInt known = EventSchemas.versionOf(envelope.type());
            if (known.isPresent() && known.getAsInt() != envelope.schemaVersion()) {
                throw new UnreadableEventException("Event " + envelope.eventId() + " of type " + envelope.type()
                        + " has schemaVersion " + envelope.schemaVersion() + "; this service reads version "
                        + known.getAsInt() + " only");
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
