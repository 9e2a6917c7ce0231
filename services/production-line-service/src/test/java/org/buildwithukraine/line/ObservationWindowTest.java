package org.buildwithukraine.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ObservationWindowTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant REGISTERED = NOW.minus(Duration.ofDays(30));
    private static final ObservationWindow WINDOW = new ObservationWindow(Duration.ofDays(7), Duration.ofMinutes(5));

    @Test
    void anObservationOfTheLastSevenDaysAfterRegistrationIsTaken() {
        assertThat(WINDOW.refusal(NOW, REGISTERED, NOW)).isEmpty();
        assertThat(WINDOW.refusal(NOW.minus(Duration.ofDays(7)), REGISTERED, NOW)).isEmpty();
        assertThat(WINDOW.refusal(NOW.plus(Duration.ofMinutes(5)), REGISTERED, NOW)).isEmpty();
    }

    @Test
    void anObservationFurtherBackThanTheWindowIsRefused() {
        assertThat(WINDOW.refusal(NOW.minus(Duration.ofDays(7)).minusMillis(1), REGISTERED, NOW)).hasValue(
                "lies more than 7 days in the past (earliest accepted: 2026-03-03T12:00:00Z); older output must be "
                        + "settled with the technology officer");
    }

    @Test
    void anObservationBeforeTheLineWasRegisteredIsRefusedEvenWithinTheWindow() {
        Instant registered = NOW.minus(Duration.ofDays(2));
        assertThat(WINDOW.refusal(registered, registered, NOW)).isEmpty();
        assertThat(WINDOW.refusal(registered.minusMillis(1), registered, NOW)).hasValueSatisfying(reason -> assertThat(
                reason).startsWith("lies before the line was registered (2026-03-08T12:00:00Z)"));
        assertThat(WINDOW.refusal(Instant.parse("2001-06-01T00:00:00Z"), REGISTERED, NOW)).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("lies before the line was registered"));
    }

    @Test
    void anObservationAheadOfTheClockBeyondTheDriftIsRefused() {
        assertThat(WINDOW.refusal(NOW.plus(Duration.ofMinutes(5)).plusMillis(1), REGISTERED, NOW))
                .hasValue("lies more than 5 minutes ahead of the server's clock (2026-03-10T12:00:00Z)");
    }

    @Test
    void theWindowMustReachBack() {
        assertThatThrownBy(() -> new ObservationWindow(Duration.ZERO, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ObservationWindow(Duration.ofDays(1), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ObservationWindow(Duration.ofHours(36), Duration.ZERO)
                .refusal(NOW.minus(Duration.ofHours(37)), REGISTERED, NOW)).hasValueSatisfying(
                        reason -> assertThat(reason).startsWith("lies more than 36 hours in the past"));
    }
}
