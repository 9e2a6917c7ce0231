package org.buildwithukraine.licence.techdata.rest;

import java.time.Instant;

import org.buildwithukraine.licence.techdata.AccessAction;
import org.buildwithukraine.licence.techdata.TechnicalDataAccessRecord;
import org.buildwithukraine.licence.techdata.TechnicalDataAccessRecord.Outcome;

/** One access to technical data; {@code reason} only for a refusal, {@code revision} only for a read. */
public record AccessRecordResponse(long position, Instant recordedAt, String actor, String factoryId,
        String licenceId, String technologyCode, String revision, AccessAction action, Outcome outcome, int status,
        String reason, String requestId) {

    public static AccessRecordResponse of(TechnicalDataAccessRecord entry) {
        return new AccessRecordResponse(entry.position, entry.recordedAt, entry.actor, entry.factoryId,
                entry.licenceId, entry.technologyCode, entry.revision, entry.action, entry.outcome, entry.status,
                entry.reason, entry.requestId);
    }
}
