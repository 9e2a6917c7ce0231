package org.buildwithukraine.licence.techdata.rest;

import java.time.Instant;
import java.util.UUID;

import org.buildwithukraine.licence.techdata.AccessAction;
import org.buildwithukraine.licence.techdata.TechnicalDataAccessRecord;
import org.buildwithukraine.licence.techdata.TechnicalDataAccessRecord.Outcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One access to technical data; {@code reason} only for a refusal, {@code revision} for all but a listing;
 * {@code file} for a download, {@code digest} (SHA-256, lower-case hex, of the bytes served) and {@code
 * downloadId} (the answer's {@code X-Download-Id}) for an allowed one.
 */
public record AccessRecordResponse(long position, Instant recordedAt, String actor,
        @Schema(nullable = true) String factoryId, @Schema(nullable = true) String licenceId, String technologyCode,
        @Schema(nullable = true) String revision, AccessAction action, Outcome outcome, int status,
        @Schema(nullable = true) String reason, String requestId, @Schema(nullable = true) String file,
        @Schema(nullable = true) String digest, @Schema(nullable = true) UUID downloadId) {

    public static AccessRecordResponse of(TechnicalDataAccessRecord entry) {
        return new AccessRecordResponse(entry.position, entry.recordedAt, entry.actor, entry.factoryId,
                entry.licenceId, entry.technologyCode, entry.revision, entry.action, entry.outcome, entry.status,
                entry.reason, entry.requestId, entry.fileName, entry.digest, entry.downloadId);
    }
}
