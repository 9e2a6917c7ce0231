package org.buildwithukraine.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.events.licence.LicenceActivity.EXPORT;
import static org.buildwithukraine.events.licence.LicenceActivity.PRODUCE;
import static org.buildwithukraine.events.licence.LicenceStatus.EXPIRED;
import static org.buildwithukraine.events.licence.LicenceStatus.GRANTED;
import static org.buildwithukraine.events.licence.LicenceStatus.REQUESTED;
import static org.buildwithukraine.events.licence.LicenceStatus.SUSPENDED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.events.licence.UnlicensedOutputRecorded.UnlicensedReason;
import org.buildwithukraine.licence.OutputCoverage.Candidate;
import org.junit.jupiter.api.Test;

class OutputCoverageTest {

    private static final LocalDate DAY = LocalDate.parse("2026-03-10");
    private static final Instant GRANTED_AT = Instant.parse("2026-01-01T09:00:00Z");

    private static Candidate licence(String id, LicenceStatus statusWhenObserved, LocalDate validTo, long cap,
            long consumed) {
        return new Candidate(id, Set.of(PRODUCE, EXPORT), DAY.minusDays(60), validTo, statusWhenObserved, GRANTED_AT,
                cap, consumed);
    }

    private static Candidate permitting(String id, Set<LicenceActivity> activities) {
        return new Candidate(id, activities, DAY.minusDays(60), DAY.plusDays(60), GRANTED, GRANTED_AT, 100, 0);
    }

    @Test
    void aLicenceGrantedThenCoversTheUnitsWhateverItsStatusNow() {
        var result = OutputCoverage.charge(30, DAY, List.of(licence("a", GRANTED, DAY.plusDays(10), 100, 0)));
        assertThat(result.covering()).containsExactly("a");
        assertThat(result.allocation().charges()).extracting(QuotaAllocation.Charge::units).containsExactly(30L);
        assertThat(result.allocation().unlicensed()).isZero();
    }

    @Test
    void aLicenceNotGrantedWhenTheUnitsWereMadeCoversNone() {
        for (LicenceStatus status : new LicenceStatus[] { REQUESTED, SUSPENDED, EXPIRED, null }) {
            var result = OutputCoverage.charge(30, DAY, List.of(licence("a", status, DAY.plusDays(10), 100, 0)));
            assertThat(result.covering()).as("%s", status).isEmpty();
            assertThat(result.allocation().unlicensed()).isEqualTo(30);
            assertThat(result.unlicensedReason()).isEqualTo(UnlicensedReason.NO_VALID_LICENCE);
        }
    }

    @Test
    void onlyALicenceInDateThatDayAndPermittingProductionCovers() {
        Candidate endedTheDayBefore = licence("ended", GRANTED, DAY.minusDays(1), 100, 0);
        Candidate startsTheDayAfter = new Candidate("later", Set.of(PRODUCE), DAY.plusDays(1), DAY.plusDays(90),
                GRANTED, GRANTED_AT, 100, 0);
        assertThat(OutputCoverage.charge(5, DAY, List.of(endedTheDayBefore, startsTheDayAfter,
                permitting("export-only", Set.of(EXPORT)))).covering()).isEmpty();
        // first and last day count
        assertThat(OutputCoverage.charge(5, DAY, List.of(licence("last-day", GRANTED, DAY, 100, 0))).covering())
                .containsExactly("last-day");
        assertThat(OutputCoverage.charge(5, DAY, List.of(permitting("produce-only", Set.of(PRODUCE)))).covering())
                .containsExactly("produce-only");
    }

    @Test
    void theLicenceEndingSoonestIsChargedFirstAndTheRestSpillsOver() {
        Candidate later = licence("later", GRANTED, DAY.plusDays(300), 1000, 0);
        Candidate sooner = licence("sooner", GRANTED, DAY.plusDays(20), 50, 40);
        var result = OutputCoverage.charge(25, DAY, List.of(later, sooner));
        assertThat(result.covering()).containsExactly("sooner", "later");
        assertThat(result.allocation().charges()).extracting(QuotaAllocation.Charge::licenceId,
                QuotaAllocation.Charge::units).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sooner", 10L),
                        org.assertj.core.groups.Tuple.tuple("later", 15L));
    }

    @Test
    void unitsBeyondTheQuotaOfEveryCoveringLicenceExceedIt() {
        var result = OutputCoverage.charge(25, DAY, List.of(licence("small", GRANTED, DAY.plusDays(5), 20, 0)));
        assertThat(result.allocation().unlicensed()).isEqualTo(5);
        assertThat(result.unlicensedReason()).isEqualTo(UnlicensedReason.QUOTA_EXCEEDED);
    }
}
