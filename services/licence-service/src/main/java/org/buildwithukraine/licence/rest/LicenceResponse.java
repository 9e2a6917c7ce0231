package org.buildwithukraine.licence.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.licence.Licence;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param earlierRevisions whether SUPERSEDED technical data releases are open to the licensee too
 * @param suspendedFor     while SUSPENDED: OFFICER, FACTORY or both
 */
public record LicenceResponse(String id, String technologyCode, TechnologyCategory technologyCategory,
        String factoryId, List<String> activities, long quantityCap, long unitsConsumed, long remainingQuota,
        LocalDate validFrom, LocalDate validTo, List<String> exportTerritories, boolean earlierRevisions,
        @Schema(nullable = true) String provisos, LicenceStatus status,
        @Schema(nullable = true) String statusReason, List<String> suspendedFor,
        @Schema(nullable = true, description = "null for a licence an officer granted directly") String requestedBy,
        @Schema(nullable = true) String grantedBy, @Schema(nullable = true) Instant grantedAt, Instant createdAt,
        Instant updatedAt) {

    static LicenceResponse of(Licence licence) {
        return new LicenceResponse(licence.id(), licence.technologyCode(), licence.technologyCategory(),
                licence.factoryId(), licence.activities().stream().map(Enum::name).sorted().toList(),
                licence.quantityCap(), licence.unitsConsumed(), licence.remainingQuota(), licence.validFrom(),
                licence.validTo(), licence.exportTerritories().stream().sorted().toList(),
                licence.earlierRevisions(), licence.provisos(), licence.status(), licence.statusReason(),
                licence.standing().suspensions().stream().map(Enum::name).sorted().toList(), licence.requestedBy(),
                licence.grantedBy(), licence.grantedAt(), licence.createdAt(), licence.updatedAt());
    }
}
