package org.buildwithukraine.licence.rest;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.licence.LicenceTerms;

/** The terms part of a request that creates a licence, already checked field by field. */
interface LicenceTermsInput {

    List<String> activities();

    Long quantityCap();

    LocalDate validFrom();

    LocalDate validTo();

    List<String> exportTerritories();

    /** Left out: false, the RELEASED revision only. */
    Boolean earlierRevisions();

    default LicenceTerms terms() {
        Set<LicenceActivity> activities = EnumSet.noneOf(LicenceActivity.class);
        activities().forEach(name -> activities.add(LicenceActivity.valueOf(name)));
        return new LicenceTerms(activities, quantityCap(), validFrom(), validTo(),
                exportTerritories() == null ? Set.of() : Set.copyOf(exportTerritories()),
                Boolean.TRUE.equals(earlierRevisions()));
    }
}
