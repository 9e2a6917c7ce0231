package org.buildwithukraine.line.rest;

import java.time.Instant;

import org.buildwithukraine.line.LineChangeRecord;
import org.buildwithukraine.line.LineDefinition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One change of a line's registration.
 *
 * @param before null for the line's registration
 */
public record LineChangeResponse(String lineId, Instant changedAt, String changedBy,
        @Schema(nullable = true) Terms before, Terms after) {

    public record Terms(String factoryId, String technologyCode, int nominalCapacityPerDay) {

        static Terms of(LineDefinition definition) {
            return definition == null ? null
                    : new Terms(definition.factoryId(), definition.technologyCode(),
                            definition.nominalCapacityPerDay());
        }
    }

    static LineChangeResponse of(LineChangeRecord record) {
        return new LineChangeResponse(record.lineId, record.changedAt, record.changedBy, Terms.of(record.before()),
                Terms.of(record.after()));
    }
}
