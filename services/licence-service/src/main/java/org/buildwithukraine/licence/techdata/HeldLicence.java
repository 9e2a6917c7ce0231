package org.buildwithukraine.licence.techdata;

import java.time.LocalDate;
import java.util.Set;

import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceStatus;

/**
 * What the access rule needs to know of one licence for the technology asked about.
 *
 * @param validTo          last day of validity, inclusive
 * @param earlierRevisions whether SUPERSEDED releases are open under it too
 */
public record HeldLicence(String id, String factoryId, LicenceStatus status, Set<LicenceActivity> activities,
        LocalDate validFrom, LocalDate validTo, long remainingQuota, boolean earlierRevisions) {

    public HeldLicence {
        activities = Set.copyOf(activities);
    }
}
