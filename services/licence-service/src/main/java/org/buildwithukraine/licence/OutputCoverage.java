package org.buildwithukraine.licence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.events.licence.UnlicensedOutputRecorded.UnlicensedReason;

/**
 * Which licences cover output, judged as things stood when it was observed, not when the report arrives: a
 * licence covers it when it was GRANTED at that instant, in date that day, for the technology, and permits
 * PRODUCE. A licence suspended, revoked or expired since still takes the units it covered; one granted or
 * reinstated since does not take units made before. Of several, the one that ends soonest is charged first
 * (then the one granted first, then by id), as the order router plans work on them, so that quota about to
 * lapse is not wasted; what one cannot take spills over to the next ({@link QuotaAllocation}).
 */
public final class OutputCoverage {

    /** A licence of the factory and technology, as it stood when the output was observed. */
    public record Candidate(String licenceId, Set<LicenceActivity> activities, LocalDate validFrom,
            LocalDate validTo, LicenceStatus statusWhenObserved, Instant grantedAt, long quantityCap,
            long unitsConsumed) {

        /** @param statusWhenObserved null when the licence did not exist yet */
        public Candidate {
            activities = Set.copyOf(activities);
        }

        boolean covers(LocalDate day) {
            return statusWhenObserved == LicenceStatus.GRANTED && activities.contains(LicenceActivity.PRODUCE)
                    && !day.isBefore(validFrom) && !day.isAfter(validTo);
        }
    }

    public record Result(QuotaAllocation.Result allocation, List<String> covering) {

        /** Why the unlicensed units, if any, were not covered. */
        public UnlicensedReason unlicensedReason() {
            return covering.isEmpty() ? UnlicensedReason.NO_VALID_LICENCE : UnlicensedReason.QUOTA_EXCEEDED;
        }
    }

    private static final Comparator<Candidate> ORDER_OF_USE = Comparator.comparing(Candidate::validTo)
            .thenComparing(Candidate::grantedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Candidate::licenceId);

    private OutputCoverage() {
    }

    /** @param dayObserved the calendar day (in the zone of licence dates) the output was observed on */
    public static Result charge(long goodUnits, LocalDate dayObserved, List<Candidate> candidates) {
        List<Candidate> covering = candidates.stream().filter(c -> c.covers(dayObserved)).sorted(ORDER_OF_USE)
                .toList();
        QuotaAllocation.Result allocation = QuotaAllocation.distribute(goodUnits, covering.stream()
                .map(c -> new QuotaAllocation.Headroom(c.licenceId(), c.quantityCap(), c.unitsConsumed())).toList());
        return new Result(allocation, covering.stream().map(Candidate::licenceId).toList());
    }
}
