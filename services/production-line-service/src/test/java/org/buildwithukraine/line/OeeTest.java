package org.buildwithukraine.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.buildwithukraine.events.line.LineState.DOWN;
import static org.buildwithukraine.events.line.LineState.IDLE;
import static org.buildwithukraine.events.line.LineState.MAINTENANCE;
import static org.buildwithukraine.events.line.LineState.RETOOLING;
import static org.buildwithukraine.events.line.LineState.RUNNING;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.line.Oee.Observation;
import org.junit.jupiter.api.Test;

class OeeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 10);
    private static final Instant FROM = DAY.atStartOfDay(BERLIN).toInstant();
    private static final Instant TO = DAY.plusDays(1).atStartOfDay(BERLIN).toInstant();

    /**
     * Nominal capacity 240 units/day = 10 units per hour of running. The line was IDLE at midnight (last report
     * the evening before), then (local time):
     *
     * <pre>
     * 06:00 RUNNING              0 good  0 scrap
     * 10:00 DOWN (breakdown)    36 good  2 scrap   (made 06:00-10:00)
     * 11:00 RUNNING              0 good  0 scrap
     * 14:00 MAINTENANCE         28 good  2 scrap   (made 11:00-14:00)
     * 16:00 RUNNING              0 good  0 scrap
     * 18:00 IDLE                16 good  0 scrap   (made 16:00-18:00)
     * </pre>
     *
     * Planned production time = RUNNING 4 h + DOWN 1 h + RUNNING 3 h + RUNNING 2 h = 10 h
     * (MAINTENANCE 14-16 and IDLE 00-06, 18-24 are not planned production).
     * Running time = 4 + 3 + 2 = 9 h → availability = 9 / 10 = 0.9.
     * Units = 80 good + 4 scrap = 84; ideal in 9 h at 10/h = 90 → performance = 84 / 90 = 0.9333….
     * Quality = 80 / 84 = 0.9524….
     * OEE = 0.9 × 84/90 × 80/84 = 0.9 × 80/90 = 0.8 (check: 80 good units / 100 ideal units in the 10 planned h).
     */
    static List<Observation> knownDay() {
        return List.of(
                at("06:00", RUNNING, 0, 0),
                at("10:00", DOWN, 36, 2),
                at("11:00", RUNNING, 0, 0),
                at("14:00", MAINTENANCE, 28, 2),
                at("16:00", RUNNING, 0, 0),
                at("18:00", IDLE, 16, 0));
    }

    @Test
    void aKnownDayComputedByHand() {
        Oee oee = Oee.of(FROM, TO, IDLE, knownDay(), 240);

        assertThat(oee.plannedTime()).isEqualTo(Duration.ofHours(10));
        assertThat(oee.runningTime()).isEqualTo(Duration.ofHours(9));
        assertThat(oee.goodUnits()).isEqualTo(80);
        assertThat(oee.scrapUnits()).isEqualTo(4);
        assertThat(oee.idealUnits()).isCloseTo(90.0, within(1e-9));
        assertThat(oee.availability()).isCloseTo(0.9, within(1e-9));
        assertThat(oee.performance()).isCloseTo(84.0 / 90.0, within(1e-9));
        assertThat(oee.quality()).isCloseTo(80.0 / 84.0, within(1e-9));
        assertThat(oee.oee()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void theOrderReportsArriveInDoesNotMatter() {
        List<Observation> shuffled = new ArrayList<>(knownDay());
        Collections.reverse(shuffled);
        assertThat(Oee.of(FROM, TO, IDLE, shuffled, 240)).isEqualTo(Oee.of(FROM, TO, IDLE, knownDay(), 240));
    }

    /**
     * RUNNING since the night before; 08:00 RETOOLING (48 good made 00:00-08:00 at 6/h of a nominal 12/h);
     * 10:00 RUNNING; then running to midnight, 24:00 never reported but 150 good + 6 scrap reported at 23:00.
     * Planned = 24 h (retooling counts as planned), running = 22 h → availability = 22/24 = 0.91666….
     * Units 48 + 156 = 204; ideal = 22 h × 12/h = 264 → performance = 204/264 = 0.77272….
     * Quality = 198/204 = 0.97058…; OEE = 198 / (24 × 12) = 198/288 = 0.6875.
     */
    @Test
    void retoolingIsPlannedButNotRunning() {
        List<Observation> day = List.of(
                at("08:00", RETOOLING, 48, 0),
                at("10:00", RUNNING, 0, 0),
                at("23:00", RUNNING, 150, 6));
        Oee oee = Oee.of(FROM, TO, RUNNING, day, 288);
        assertThat(oee.plannedTime()).isEqualTo(Duration.ofHours(24));
        assertThat(oee.runningTime()).isEqualTo(Duration.ofHours(22));
        assertThat(oee.availability()).isCloseTo(22.0 / 24.0, within(1e-9));
        assertThat(oee.performance()).isCloseTo(204.0 / 264.0, within(1e-9));
        assertThat(oee.quality()).isCloseTo(198.0 / 204.0, within(1e-9));
        assertThat(oee.oee()).isCloseTo(0.6875, within(1e-9));
    }

    @Test
    void beforeTheFirstReportEverTheLineIsNotPlanned() {
        Oee oee = Oee.of(FROM, TO, null, List.of(at("12:00", RUNNING, 0, 0)), 240);
        assertThat(oee.plannedTime()).isEqualTo(Duration.ofHours(12));
        assertThat(oee.runningTime()).isEqualTo(Duration.ofHours(12));
        assertThat(oee.availability()).isEqualTo(1.0);
        // ran 12 h and reported no units yet: performance 0, quality unknown, OEE 0
        assertThat(oee.performance()).isEqualTo(0.0);
        assertThat(oee.quality()).isNull();
        assertThat(oee.oee()).isEqualTo(0.0);
    }

    @Test
    void aDayWithoutPlannedProductionHasNoOee() {
        Oee oee = Oee.of(FROM, TO, MAINTENANCE, List.of(at("12:00", IDLE, 0, 0)), 240);
        assertThat(oee.plannedTime()).isZero();
        assertThat(oee.availability()).isNull();
        assertThat(oee.performance()).isNull();
        assertThat(oee.quality()).isNull();
        assertThat(oee.oee()).isNull();
    }

    @Test
    void aLineDownAllDayHasAvailabilityZero() {
        Oee oee = Oee.of(FROM, TO, DOWN, List.of(), 240);
        assertThat(oee.availability()).isEqualTo(0.0);
        assertThat(oee.oee()).isEqualTo(0.0);
    }

    @Test
    void reportsOutsideThePeriodAreIgnored() {
        List<Observation> withStrays = new ArrayList<>(knownDay());
        withStrays.add(new Observation(FROM.minusSeconds(1), DOWN, 1000, 1000));
        withStrays.add(new Observation(TO, DOWN, 1000, 1000));
        assertThat(Oee.of(FROM, TO, IDLE, withStrays, 240)).isEqualTo(Oee.of(FROM, TO, IDLE, knownDay(), 240));
    }

    @Test
    void aPeriodEndingNowCountsOnlyUntilNow() {
        Instant noon = DAY.atTime(12, 0).atZone(BERLIN).toInstant();
        Oee oee = Oee.of(FROM, noon, IDLE, knownDay(), 240);
        // RUNNING 06-10, DOWN 10-11, RUNNING 11-12
        assertThat(oee.plannedTime()).isEqualTo(Duration.ofHours(6));
        assertThat(oee.runningTime()).isEqualTo(Duration.ofHours(5));
        assertThat(oee.goodUnits()).isEqualTo(36);
    }

    /**
     * A fresh platform: the line's first report ever (RUNNING) at 12:00, one minute later 12 good units, asked at
     * 12:30. At 1 440 units/day (1 per minute) 30 minutes of running could have made 30 units: 12 is 0.4.
     */
    @Test
    void halfAnHourOfRunningIsMeasured() {
        Instant halfPastTwelve = DAY.atTime(12, 30).atZone(BERLIN).toInstant();
        Oee oee = Oee.of(FROM, halfPastTwelve, null,
                List.of(at("12:00", RUNNING, 0, 0), at("12:01", RUNNING, 12, 0)), 1440);
        assertThat(oee.idealUnits()).isCloseTo(30.0, within(1e-9));
        assertThat(oee.performance()).isCloseTo(0.4, within(1e-9));
    }

    /**
     * More units than the running time allows (here 500 units reported after 10 minutes of running at 1 440/day,
     * made before the line's first report): full speed, not 5 000 %; OEE stays a share too.
     */
    @Test
    void performanceIsNeverAboveOne() {
        Instant tenPastTwelve = DAY.atTime(12, 10).atZone(BERLIN).toInstant();
        Oee oee = Oee.of(FROM, tenPastTwelve, null,
                List.of(at("12:00", RUNNING, 0, 0), at("12:05", RUNNING, 500, 0)), 1440);
        assertThat(oee.idealUnits()).isCloseTo(10.0, within(1e-9));
        assertThat(oee.performance()).isEqualTo(1.0);
        assertThat(oee.oee()).isEqualTo(1.0);
    }

    /** Less running time than one unit takes at the nominal rate: no measure of speed yet, so no OEE either. */
    @Test
    void tooLittleRunningTimeLeavesPerformanceUndefined() {
        Instant thirtySecondsPastTwelve = DAY.atTime(12, 0, 30).atZone(BERLIN).toInstant();
        Oee oee = Oee.of(FROM, thirtySecondsPastTwelve, null,
                List.of(at("12:00", RUNNING, 0, 0), at("12:00:20", RUNNING, 12, 0)), 1440);
        assertThat(oee.runningTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(oee.idealUnits()).isLessThan(1);
        assertThat(oee.availability()).isEqualTo(1.0);
        assertThat(oee.performance()).isNull();
        assertThat(oee.quality()).isEqualTo(1.0);
        assertThat(oee.oee()).isNull();
    }

    /** Whatever the reports, every factor and OEE lie within 0..1 (seeded random days; the seed is printed). */
    @Test
    void everyFactorIsAShareOnRandomDays() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        LineState[] states = LineState.values();
        for (int day = 0; day < 2_000; day++) {
            List<Observation> reports = new ArrayList<>();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                long offset = random.nextInt(random.nextBoolean() ? 600 : 86_400);
                reports.add(new Observation(FROM.plusSeconds(offset), states[random.nextInt(states.length)],
                        random.nextInt(random.nextBoolean() ? 10 : 100_000), random.nextInt(50)));
            }
            LineState atStart = random.nextBoolean() ? null : states[random.nextInt(states.length)];
            Instant to = FROM.plusSeconds(1 + random.nextInt(86_400));
            Oee oee = Oee.of(FROM, to, atStart, reports, 1 + random.nextInt(5_000));
            for (Double factor : new Double[] { oee.availability(), oee.performance(), oee.quality(), oee.oee() }) {
                assertThat(factor).as("seed %d, reports %s, start %s, to %s", seed, reports, atStart, to)
                        .satisfiesAnyOf(value -> assertThat(value).isNull(),
                                value -> assertThat(value).isBetween(0.0, 1.0));
            }
        }
    }

    private static Observation at(String localTime, LineState state, long good, long scrap) {
        return new Observation(DAY.atTime(LocalTime.parse(localTime)).atZone(BERLIN).toInstant(), state, good, scrap);
    }
}
