package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.buildwithukraine.gateway.CircuitBreaker.State;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final CircuitBreaker breaker = new CircuitBreaker(3, 1000);

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        breaker.onFailure(0);
        breaker.onFailure(0);
        breaker.onSuccess();
        breaker.onFailure(0);
        breaker.onFailure(0);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire(0)).isTrue();
        breaker.onFailure(10);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire(500)).isFalse();
        assertThat(breaker.remainingOpenNanos(500)).isEqualTo(510);
    }

    @Test
    void letsOneTrialThroughAfterTheOpenTime() {
        openAt(0);
        assertThat(breaker.tryAcquire(1000)).isTrue();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire(1001)).isFalse();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire(1002)).isTrue();
    }

    @Test
    void aFailedTrialOpensItAgain() {
        openAt(0);
        assertThat(breaker.tryAcquire(1000)).isTrue();
        breaker.onFailure(1100);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire(1500)).isFalse();
        assertThat(breaker.tryAcquire(2100)).isTrue();
    }

    private void openAt(long now) {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure(now);
        }
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }
}
