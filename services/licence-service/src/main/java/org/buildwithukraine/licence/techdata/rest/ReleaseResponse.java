package org.buildwithukraine.licence.techdata.rest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.buildwithukraine.licence.techdata.ReleaseState;
import org.buildwithukraine.licence.techdata.TechnicalDataAcknowledgement;
import org.buildwithukraine.licence.techdata.TechnicalDataFile;
import org.buildwithukraine.licence.techdata.TechnicalDataRelease;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One revision, its files in name order, the export-control notice a manufacturer acknowledges before
 * downloading them, and the caller's own acknowledgement of it (null until the caller has acknowledged it; an
 * officer acknowledges nothing).
 */
public record ReleaseResponse(String technologyCode, String revision, ReleaseState state, String marking,
        String notes, String createdBy, Instant createdAt, @Schema(nullable = true) String releasedBy,
        @Schema(nullable = true) Instant releasedAt, @Schema(nullable = true) Instant supersededAt,
        @Schema(nullable = true) String withdrawnBy, @Schema(nullable = true) Instant withdrawnAt,
        @Schema(nullable = true) String withdrawnReason, List<FileResponse> files, String notice,
        @Schema(nullable = true) Acknowledged acknowledgement) {

    /** When and as whom the caller acknowledged the notice. */
    public record Acknowledged(Instant at, String by) {
    }

    public static ReleaseResponse of(TechnicalDataRelease release, List<TechnicalDataFile> files,
            Optional<TechnicalDataAcknowledgement> callersAcknowledgement) {
        return new ReleaseResponse(release.technologyCode, release.revision, release.state, release.marking,
                release.notes, release.createdBy, release.createdAt, release.releasedBy, release.releasedAt,
                release.supersededAt, release.withdrawnBy, release.withdrawnAt, release.withdrawnReason,
                files.stream().map(FileResponse::of).toList(), release.notice(),
                callersAcknowledgement.map(ack -> new Acknowledged(ack.acknowledgedAt, ack.acknowledgedBy))
                        .orElse(null));
    }
}
