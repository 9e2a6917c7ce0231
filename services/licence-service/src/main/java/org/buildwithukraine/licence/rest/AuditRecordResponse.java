package org.buildwithukraine.licence.rest;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** @param changes {@code {"field": {"from": old, "to": new}, ...}} */
public record AuditRecordResponse(long position, Instant recordedAt, String actor, String action, JsonNode changes,
        String reason) {
}
