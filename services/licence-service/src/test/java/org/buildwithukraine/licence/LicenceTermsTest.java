package org.buildwithukraine.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.events.licence.LicenceActivity.EXPORT;
import static org.buildwithukraine.events.licence.LicenceActivity.PRODUCE;

import java.time.LocalDate;
import java.util.Set;

import org.buildwithukraine.licence.LicenceTerms.Violation;
import org.junit.jupiter.api.Test;

class LicenceTermsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private static LicenceTerms terms(Set<org.buildwithukraine.events.licence.LicenceActivity> activities, long cap,
            LocalDate from, LocalDate to, Set<String> territories) {
        return new LicenceTerms(activities, cap, from, to, territories, false);
    }

    private static final LicenceTerms GOOD = terms(Set.of(PRODUCE, EXPORT), 500, TODAY, TODAY.plusYears(1),
            Set.of("NO", "LT"));

    @Test
    void goodTermsPass() {
        assertThat(GOOD.violationsWhenNew(TODAY)).isEmpty();
        assertThat(terms(Set.of(PRODUCE), 1, TODAY.minusYears(1), TODAY, Set.of()).violationsWhenNew(TODAY))
                .as("the last valid day is today").isEmpty();
    }

    @Test
    void validityMustEndAfterItStartsAndNotBeOverAlready() {
        assertThat(terms(Set.of(PRODUCE), 5, TODAY, TODAY, Set.of()).violationsWhenNew(TODAY))
                .containsExactly(new Violation("validTo", "must be after validFrom"));
        assertThat(terms(Set.of(PRODUCE), 5, TODAY.plusDays(3), TODAY.plusDays(1), Set.of()).violationsWhenNew(TODAY))
                .extracting(Violation::field).containsExactly("validTo");
        assertThat(terms(Set.of(PRODUCE), 5, TODAY.minusYears(1), TODAY.minusDays(1), Set.of())
                .violationsWhenNew(TODAY)).containsExactly(new Violation("validTo", "must not be in the past"));
    }

    @Test
    void territoriesGoWithExportOnly() {
        assertThat(terms(Set.of(PRODUCE), 5, TODAY, TODAY.plusDays(9), Set.of("NO")).violationsWhenNew(TODAY))
                .containsExactly(new Violation("exportTerritories", "are only allowed when EXPORT is permitted"));
        assertThat(terms(Set.of(EXPORT), 5, TODAY, TODAY.plusDays(9), Set.of()).violationsWhenNew(TODAY))
                .extracting(Violation::field).containsExactly("exportTerritories");
    }

    @Test
    void earlierRevisionsGoWithProduceOnly() {
        assertThat(new LicenceTerms(Set.of(EXPORT), 5, TODAY, TODAY.plusDays(9), Set.of("NO"), true)
                .violationsWhenNew(TODAY))
                .containsExactly(new Violation("earlierRevisions", "is only allowed when PRODUCE is permitted"));
        assertThat(new LicenceTerms(Set.of(PRODUCE, EXPORT), 5, TODAY, TODAY.plusDays(9), Set.of("NO"), true)
                .violationsWhenNew(TODAY)).isEmpty();
        LicenceTerms exportOnly = new LicenceTerms(Set.of(EXPORT), 5, TODAY, TODAY.plusDays(9), Set.of("NO"), false);
        assertThat(new LicenceTerms(Set.of(EXPORT), 5, TODAY, TODAY.plusDays(9), Set.of("NO"), true)
                .violationsReplacing(exportOnly, 0, TODAY)).extracting(Violation::field)
                .containsExactly("earlierRevisions");
    }

    @Test
    void capAndActivitiesAreRequired() {
        assertThat(terms(Set.of(), 0, TODAY, TODAY.plusDays(9), Set.of()).violationsWhenNew(TODAY))
                .extracting(Violation::field).containsExactly("activities", "quantityCap");
    }

    @Test
    void amendmentsMayNotEndTheLicenceInDisguise() {
        LicenceTerms lowerCap = terms(GOOD.activities(), 120, GOOD.validFrom(), GOOD.validTo(), GOOD.exportTerritories());
        assertThat(lowerCap.violationsReplacing(GOOD, 120, TODAY))
                .containsExactly(new Violation("quantityCap", "must be more than the 120 units already consumed"));
        assertThat(lowerCap.violationsReplacing(GOOD, 119, TODAY)).isEmpty();

        LicenceTerms pastEnd = terms(GOOD.activities(), 500, TODAY.minusMonths(2), TODAY.minusDays(1),
                GOOD.exportTerritories());
        assertThat(pastEnd.violationsReplacing(GOOD, 0, TODAY)).extracting(Violation::field).containsExactly("validTo");
    }

    @Test
    void anAmendmentIsNotBlamedForWhatItDoesNotChange() {
        LicenceTerms lapsed = terms(Set.of(PRODUCE), 100, TODAY.minusYears(1), TODAY.minusDays(1), Set.of());
        LicenceTerms biggerCap = terms(Set.of(PRODUCE), 200, TODAY.minusYears(1), TODAY.minusDays(1), Set.of());
        assertThat(biggerCap.violationsReplacing(lapsed, 100, TODAY)).isEmpty();
    }
}
