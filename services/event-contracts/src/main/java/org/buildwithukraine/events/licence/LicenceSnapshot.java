package org.buildwithukraine.events.licence;

import java.time.LocalDate;
import java.util.Set;

import org.buildwithukraine.events.TechnologyCategory;

/**
 * Payload of every licence event: the licence as it is after the change, enough for the order router to keep
 * its own view without calling back.
 *
 * @param validFrom        first day the licence may be used
 * @param validTo          last day the licence may be used (inclusive)
 * @param remainingQuota   {@code quantityCap - unitsConsumed}, never negative
 * @param exportTerritories ISO 3166-1 alpha-2 codes exports may go to; empty without EXPORT
 * @param statusReason     why the last state change happened (suspension, revocation, ...)
 * @param earlierRevisions whether SUPERSEDED technical data releases are open to the licensee too; absent
 *                         (false) in events written before the term existed
 */
public record LicenceSnapshot(
        String licenceId,
        String technologyCode,
        TechnologyCategory technologyCategory,
        String factoryId,
        Set<LicenceActivity> activities,
        long quantityCap,
        long unitsConsumed,
        long remainingQuota,
        LocalDate validFrom,
        LocalDate validTo,
        Set<String> exportTerritories,
        LicenceStatus status,
        String statusReason,
        boolean earlierRevisions) {
}
