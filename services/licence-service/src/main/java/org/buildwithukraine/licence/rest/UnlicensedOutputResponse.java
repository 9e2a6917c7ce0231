package org.buildwithukraine.licence.rest;

import java.time.Instant;
import java.util.UUID;

import org.buildwithukraine.events.licence.UnlicensedOutputRecorded.UnlicensedReason;
import org.buildwithukraine.licence.UnlicensedOutput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One report's unlicensed units.
 *
 * @param outputEventId   the OutputReported event they came with
 * @param goodUnits       all good units of the report
 * @param unlicensedUnits those no licence covered
 */
public record UnlicensedOutputResponse(UUID outputEventId, String lineId,
        @Schema(nullable = true) String region, String factoryId,
        String technologyCode, String reportId, Instant observedAt, long goodUnits, long unlicensedUnits,
        UnlicensedReason reason, String reportedBy, Instant recordedAt) {

    static UnlicensedOutputResponse of(UnlicensedOutput output) {
        return new UnlicensedOutputResponse(output.eventId, output.lineId, output.region, output.factoryId,
                output.technologyCode, output.reportId, output.observedAt, output.goodUnits, output.unlicensedUnits,
                output.reason, output.reportedBy, output.recordedAt);
    }
}
