package org.buildwithukraine.line;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a status report may say it was observed. Every good unit must count towards a licence's quota, so a
 * report from before the line existed, or from further back than the window, is refused rather than taken in
 * where nobody would check it; a report from the future is refused beyond the allowed clock drift.
 *
 * @param maxAge       how far back from now an observation may lie
 * @param maxClockSkew how far ahead of now an observation may lie (clocks of MES and devices drift)
 */
public record ObservationWindow(Duration maxAge, Duration maxClockSkew) {

    public ObservationWindow {
        if (maxAge.isNegative() || maxAge.isZero() || maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("The report window must reach back some time and not ahead of "
                    + "the clock by a negative amount: " + maxAge + ", " + maxClockSkew);
        }
    }

    /** @return why {@code observedAt} is refused for a line registered at {@code registeredAt}, if it is */
    public Optional<String> refusal(Instant observedAt, Instant registeredAt, Instant now) {
        if (observedAt.isAfter(now.plus(maxClockSkew))) {
            return Optional.of("lies more than " + describe(maxClockSkew) + " ahead of the server's clock (" + now
                    + ")");
        }
        if (observedAt.isBefore(registeredAt)) {
            return Optional.of("lies before the line was registered (" + registeredAt
                    + "); output from before registration cannot be reported");
        }
        Instant earliest = now.minus(maxAge);
        if (observedAt.isBefore(earliest)) {
            return Optional.of("lies more than " + describe(maxAge) + " in the past (earliest accepted: " + earliest
                    + "); older output must be settled with the technology officer");
        }
        return Optional.empty();
    }

    private static String describe(Duration duration) {
        if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
            return duration.toHours() + (duration.toHours() == 1 ? " hour" : " hours");
        }
        return duration.toMinutes() + " minutes";
    }
}
