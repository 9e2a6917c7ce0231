package org.buildwithukraine.line;

import static java.util.Comparator.comparing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.buildwithukraine.events.line.LineState;

/**
 * Overall equipment effectiveness of a line over a period (a day), from its status reports.
 * <ul>
 * <li>The line is in the state of its latest report at every moment; before the first report of the period it
 * is in {@code stateAtStart} (the last report before the period), or unknown (counted as not planned).</li>
 * <li>Planned production time is time RUNNING, DOWN or RETOOLING: the line was meant to produce. IDLE (no work
 * for it) and MAINTENANCE (planned upkeep) are not planned production time.</li>
 * <li>availability = running / planned; performance = (good + scrap) / (running time × nominal rate), the rate
 * being the nominal capacity per 24 h; quality = good / (good + scrap). Units count in the period where their
 * report was observed.</li>
 * <li>Performance is at most 1: the nominal rate is the fastest the line is built to run, so units beyond it
 * were made in running time the period's reports do not show (before the line's first report, or the day
 * before, reported after midnight); they count as full speed, not as more. With less running time than one
 * unit takes at the nominal rate (e.g. a line that started running a minute ago) performance is undefined:
 * a handful of units over seconds says nothing about the line's speed.</li>
 * <li>A factor whose denominator is zero is undefined (null); OEE is 0 when a defined factor is 0, undefined
 * when another factor is, and the product otherwise.</li>
 * </ul>
 */
public record Oee(Duration plannedTime, Duration runningTime, long goodUnits, long scrapUnits, double idealUnits,
        Double availability, Double performance, Double quality, Double oee) {

    private static final double SECONDS_PER_DAY = 24 * 60 * 60;
    private static final double MAX_PERFORMANCE = 1;

    public record Observation(Instant observedAt, LineState state, long goodUnits, long scrapUnits) {
    }

    public static boolean isPlannedProduction(LineState state) {
        return state == LineState.RUNNING || state == LineState.DOWN || state == LineState.RETOOLING;
    }

    /**
     * @param stateAtStart   state at {@code from}, or null when no report precedes the period
     * @param observations   the reports observed in [from, to), in any order; reports at the same instant are
     *                       taken in the given order (the later one sets the state)
     * @param nominalCapacityPerDay units the line is built to make in 24 h of running
     */
    public static Oee of(Instant from, Instant to, LineState stateAtStart, List<Observation> observations,
            int nominalCapacityPerDay) {
        if (nominalCapacityPerDay <= 0) {
            throw new IllegalArgumentException("Nominal capacity must be positive: " + nominalCapacityPerDay);
        }
        List<Observation> inPeriod = observations.stream()
                .filter(o -> !o.observedAt().isBefore(from) && o.observedAt().isBefore(to))
                .sorted(comparing(Observation::observedAt))
                .toList();
        Duration planned = Duration.ZERO;
        Duration running = Duration.ZERO;
        long good = 0;
        long scrap = 0;
        LineState state = stateAtStart;
        Instant since = from;
        for (Observation observation : inPeriod) {
            Duration span = Duration.between(since, observation.observedAt());
            planned = isPlannedProduction(state) ? planned.plus(span) : planned;
            running = state == LineState.RUNNING ? running.plus(span) : running;
            state = observation.state();
            since = observation.observedAt();
            good += observation.goodUnits();
            scrap += observation.scrapUnits();
        }
        if (since.isBefore(to)) {
            Duration span = Duration.between(since, to);
            planned = isPlannedProduction(state) ? planned.plus(span) : planned;
            running = state == LineState.RUNNING ? running.plus(span) : running;
        }

        double plannedSeconds = seconds(planned);
        double runningSeconds = seconds(running);
        long total = good + scrap;
        double ideal = runningSeconds * nominalCapacityPerDay / SECONDS_PER_DAY;
        Double availability = plannedSeconds > 0 ? runningSeconds / plannedSeconds : null;
        Double performance = ideal >= 1 ? Math.min(total / ideal, MAX_PERFORMANCE) : null;
        Double quality = total > 0 ? (double) good / total : null;
        return new Oee(planned, running, good, scrap, ideal, availability, performance, quality,
                product(availability, performance, quality));
    }

    private static Double product(Double... factors) {
        double product = 1;
        boolean undefined = false;
        for (Double factor : factors) {
            if (factor == null) {
                undefined = true;
            } else if (factor == 0) {
                return 0.0;
            } else {
                product *= factor;
            }
        }
        return undefined ? null : product;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
