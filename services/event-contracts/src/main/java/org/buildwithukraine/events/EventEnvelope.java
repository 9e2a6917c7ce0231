package org.buildwithukraine.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What travels on every topic: the facts every consumer needs to be idempotent and to audit, around a
 * type-specific payload. Consumers deduplicate on {@link #eventId()}; {@link #aggregateId()} is also the
 * Kafka record key, so all events of one aggregate stay in order on one partition.
 *
 * @param eventId       unique per event, stable across redeliveries
 * @param type          event type, e.g. {@code FactoryRegistered}
 * @param aggregateId   id of the factory, licence, line or order the event is about
 * @param occurredAt    when the state change was committed
 * @param actor         user name or client id taken from the token, or {@code system:<job>}
 * @param schemaVersion version of the payload schema for this type
 * @param payload       type-specific body
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        String aggregateId,
        Instant occurredAt,
        String actor,
        int schemaVersion,
        JsonNode payload) {
}
