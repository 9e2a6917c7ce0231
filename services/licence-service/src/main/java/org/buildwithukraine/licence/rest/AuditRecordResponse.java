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

    /** A field's value before and after the change, as the licence shows it: text, a number, yes/no or a list. */
    public record FieldChange(
            @Schema(nullable = true, anyOf = { String.class, Long.class, Boolean.class, String[].class }) JsonNode from,
            @Schema(nullable = true, anyOf = { String.class, Long.class, Boolean.class, String[].class }) JsonNode to) {
    }
}
