package org.buildwithukraine.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time, moved by an offset on demand. A module's tests make it the service's clock with a one-line
 * {@code @Singleton} subclass (which replaces the kit's default clock bean), and then move time for a step:
 * {@code clock.during(Duration.ofDays(-3), () -> ...)}.
 */
public class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    /** Runs the step with time moved by {@code shift}, and moves it back afterwards, whatever happens. */
    public void during(Duration shift, Runnable step) {
        advance(shift);
        try {
            step.run();
        } finally {
            advance(shift.negated());
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
