package org.buildwithukraine.licence.rest;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change of a licence.
 *
 * @param changes every field the change touched, by name ({@code status}, {@code quantityCap}, ...), with its value
 *                before and after
 * @param reason  why, as the actor gave it; null where none was given
 */
public record AuditRecordResponse(long position, Instant recordedAt, String actor, String action,
        Map<String, FieldChange> changes, @Schema(nullable = true) String reason) {

    /** A field's value before and after the change ({@link AuditValueSchema}). */
    public record FieldChange(@Schema(ref = AuditValueSchema.NAME) JsonNode from,
            @Schema(ref = AuditValueSchema.NAME) JsonNode to) {
    }
}
