package org.buildwithukraine.licence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.buildwithukraine.events.licence.LicenceActivity;

/**
 * What a licence permits: activities, how many units, when, where exports may go, and whether the technical
 * data it opens includes earlier (SUPERSEDED) revisions. Checks the rules that span several fields; the shape of
 * each field (country codes, positive numbers) is checked on input.
 *
 * @param validTo          last day of validity, inclusive
 * @param earlierRevisions whether SUPERSEDED releases of the technology's technical data may be read too, not
 *                         only the RELEASED one; technical data is for producing, so only with PRODUCE
 */
public record LicenceTerms(Set<LicenceActivity> activities, long quantityCap, LocalDate validFrom, LocalDate validTo,
        Set<String> exportTerritories, boolean earlierRevisions) {

    public LicenceTerms {
        activities = Set.copyOf(activities);
        exportTerritories = Set.copyOf(exportTerritories);
    }

    /** A field of the terms and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    /** Rules for a licence being requested or granted on {@code today}. */
    public List<Violation> violationsWhenNew(LocalDate today) {
        List<Violation> violations = structuralViolations();
        if (validTo.isBefore(today)) {
            violations.add(new Violation("validTo", "must not be in the past"));
        }
        return violations;
    }

    /**
     * Rules for these terms replacing {@code current} on {@code today}: a validity moved into the past, or a
     * cap at or below what has already been produced, would end the licence in disguise (revoke it instead).
     */
    public List<Violation> violationsReplacing(LicenceTerms current, long unitsConsumed, LocalDate today) {
        List<Violation> violations = structuralViolations();
        if (!validTo.equals(current.validTo()) && validTo.isBefore(today)) {
            violations.add(new Violation("validTo", "must not be in the past"));
        }
        if (quantityCap != current.quantityCap() && unitsConsumed > 0 && quantityCap <= unitsConsumed) {
            violations.add(new Violation("quantityCap",
                    "must be more than the " + unitsConsumed + " units already consumed"));
        }
        return violations;
    }

    private List<Violation> structuralViolations() {
        List<Violation> violations = new ArrayList<>();
        if (activities.isEmpty()) {
            violations.add(new Violation("activities", "must permit PRODUCE, EXPORT or both"));
        }
        if (quantityCap <= 0) {
            violations.add(new Violation("quantityCap", "must be greater than 0"));
        }
        if (!validFrom.isBefore(validTo)) {
            violations.add(new Violation("validTo", "must be after validFrom"));
        }
        boolean exports = activities.contains(LicenceActivity.EXPORT);
        if (!exports && !exportTerritories.isEmpty()) {
            violations.add(new Violation("exportTerritories", "are only allowed when EXPORT is permitted"));
        }
        if (exports && exportTerritories.isEmpty()) {
            violations.add(new Violation("exportTerritories", "must name at least one country when EXPORT is permitted"));
        }
        if (earlierRevisions && !activities.contains(LicenceActivity.PRODUCE)) {
            violations.add(new Violation("earlierRevisions", "is only allowed when PRODUCE is permitted"));
        }
        return violations;
    }
}
