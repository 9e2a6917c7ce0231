package org.buildwithukraine.events.licence;

import java.time.Instant;

/**
 * Payload of {@code TechnicalDataReleased} and {@code TechnicalDataWithdrawn}: one revision of a technology's
 * technical data as it stands after the change. A technology has at most one RELEASED revision: a new one
 * supersedes the one released before it.
 *
 * @param state    RELEASED, SUPERSEDED or WITHDRAWN
 * @param marking  the export-control marking, e.g. "EU ML10 — export controlled"
 */
public record TechnicalDataReleaseSnapshot(
        String technologyCode,
        String revision,
        String state,
        String marking,
        String notes,
        String releasedBy,
        Instant releasedAt,
        String withdrawnBy,
        Instant withdrawnAt,
        String withdrawnReason) {
}
