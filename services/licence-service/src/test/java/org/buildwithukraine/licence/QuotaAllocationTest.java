package org.buildwithukraine.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.buildwithukraine.licence.QuotaAllocation.Charge;
import org.buildwithukraine.licence.QuotaAllocation.Headroom;
import org.buildwithukraine.licence.QuotaAllocation.Result;
import org.junit.jupiter.api.Test;

class QuotaAllocationTest {

    @Test
    void unitsGoToTheFirstLicenceWhileItHasQuota() {
        Result result = QuotaAllocation.distribute(30, List.of(new Headroom("a", 100, 20), new Headroom("b", 50, 0)));
        assertThat(result.charges()).containsExactly(new Charge("a", 30, 50, false));
        assertThat(result.unlicensed()).isZero();
    }

    @Test
    void reachingTheCapExhaustsAndTheRestSpillsOver() {
        Result result = QuotaAllocation.distribute(100, List.of(new Headroom("a", 100, 80), new Headroom("b", 50, 0)));
        assertThat(result.charges()).containsExactly(new Charge("a", 20, 100, true), new Charge("b", 50, 50, true));
        assertThat(result.unlicensed()).isEqualTo(30);
    }

    @Test
    void withoutLicenceEverythingIsUnlicensed() {
        assertThat(QuotaAllocation.distribute(7, List.of())).isEqualTo(new Result(List.of(), 7));
        assertThat(QuotaAllocation.distribute(0, List.of(new Headroom("a", 10, 0)))).isEqualTo(new Result(List.of(), 0));
    }

    @Test
    void exhaustedLicencesAreSkipped() {
        Result result = QuotaAllocation.distribute(5, List.of(new Headroom("full", 10, 10), new Headroom("b", 10, 0)));
        assertThat(result.charges()).containsExactly(new Charge("b", 5, 5, false));
    }

    @Test
    void inconsistentInputIsRejected() {
        assertThatThrownBy(() -> new Headroom("x", 10, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuotaAllocation.distribute(-1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** Whatever the reports and licences: never more charged than reported, no licence beyond its cap. */
    @Test
    void chargesNeverExceedWhatWasReportedNorAnyCap() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 2_000; round++) {
            List<Headroom> licences = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                long cap = 1 + random.nextInt(200);
                licences.add(new Headroom("l" + i, cap, random.nextLong(cap + 1)));
            }
            long units = random.nextInt(400);
            Result result = QuotaAllocation.distribute(units, licences);
            long charged = result.charges().stream().mapToLong(Charge::units).sum();
            assertThat(charged + result.unlicensed()).as("seed %d", seed).isEqualTo(units);
            for (Charge charge : result.charges()) {
                Headroom licence = licences.stream().filter(l -> l.licenceId().equals(charge.licenceId())).findFirst()
                        .orElseThrow();
                assertThat(charge.units()).as("seed %d", seed).isPositive();
                assertThat(charge.consumedAfter()).as("seed %d", seed)
                        .isEqualTo(licence.unitsConsumed() + charge.units())
                        .isLessThanOrEqualTo(licence.quantityCap());
                assertThat(charge.exhausts()).isEqualTo(charge.consumedAfter() == licence.quantityCap());
            }
            long headroom = licences.stream().mapToLong(l -> l.quantityCap() - l.unitsConsumed()).sum();
            assertThat(result.unlicensed()).as("seed %d", seed).isEqualTo(Math.max(0, units - headroom));
        }
    }
}
