package org.buildwithukraine.licence.techdata.rest;

import java.time.Instant;

import org.buildwithukraine.licence.techdata.ReleaseState;
import org.buildwithukraine.licence.techdata.TechnicalDataRelease;

public record ReleaseResponse(String technologyCode, String revision, ReleaseState state, String marking,
        String notes, String createdBy, Instant createdAt, String releasedBy, Instant releasedAt,
        Instant supersededAt, String withdrawnBy, Instant withdrawnAt, String withdrawnReason) {

    public static ReleaseResponse of(TechnicalDataRelease release) {
        return new ReleaseResponse(release.technologyCode, release.revision, release.state, release.marking,
                release.notes, release.createdBy, release.createdAt, release.releasedBy, release.releasedAt,
                release.supersededAt, release.withdrawnBy, release.withdrawnAt, release.withdrawnReason);
    }
}
