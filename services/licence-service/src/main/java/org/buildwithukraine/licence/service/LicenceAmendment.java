package org.buildwithukraine.licence.service;

import java.time.LocalDate;
import java.util.Set;

/** Changed terms of a licence; null fields stay as they are. */
public record LicenceAmendment(Long quantityCap, LocalDate validFrom, LocalDate validTo, Set<String> exportTerritories,
        Boolean earlierRevisions, String provisos, String reason) {
}
