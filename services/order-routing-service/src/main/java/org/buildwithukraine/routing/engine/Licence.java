package org.buildwithukraine.routing.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceStatus;

/**
 * A licence as the router sees it.
 *
 * @param unitsConsumed units the licence has used up, as far as the router knows (it may count output it has
 *                      seen before the licence service confirms it)
 * @param validTo       last valid day, inclusive
 * @param statusSince   when it entered its current status; null if unknown
 */
public record Licence(String id, String technologyCode, String factoryId, Set<LicenceActivity> activities,
        long quantityCap, long unitsConsumed, LocalDate validFrom, LocalDate validTo, Set<String> exportTerritories,
        LicenceStatus status, String statusReason, Instant statusSince) {

    public Licence {
        activities = Set.copyOf(activities);
        exportTerritories = Set.copyOf(exportTerritories);
    }

    /** @param unconfirmedOutput output of its factory and technology the licence service has not counted yet */
    public Licence counting(long unconfirmedOutput) {
        return new Licence(id, technologyCode, factoryId, activities, quantityCap,
                Math.max(0, unitsConsumed + unconfirmedOutput), validFrom, validTo, exportTerritories, status,
                statusReason, statusSince);
    }

    public long remainingQuota() {
        return Math.max(0, quantityCap - unitsConsumed);
    }
}
