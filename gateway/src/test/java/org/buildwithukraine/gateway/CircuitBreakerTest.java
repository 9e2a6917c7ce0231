package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.buildwithukraine.gateway.CircuitBreaker.State;
import org.junit.jupiter.api.RepeatedTest;
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

    /** The failure that opens the breaker is told apart (the gateway logs it), not the ones while it is open. */
    @Test
    void saysWhichFailureOpenedIt() {
        assertThat(breaker.onFailure(0)).isFalse();
        assertThat(breaker.onFailure(0)).isFalse();
        assertThat(breaker.onFailure(0)).isTrue();
        assertThat(breaker.onFailure(5)).as("a late failure while open").isFalse();
        assertThat(breaker.tryAcquire(1005)).isTrue();
        assertThat(breaker.onFailure(1010)).as("the failed trial opens it again").isTrue();
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

    /** Many callers arriving together at the end of the open time: the backend sees one trial, not a stampede. */
    @RepeatedTest(20)
    void onlyOneTrialPassesUnderParallelCalls() throws Exception {
        openAt(0);
        int callers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return breaker.tryAcquire(1000);
                }));
            }
            start.countDown();
            int passed = 0;
            for (Future<Boolean> answer : answers) {
                passed += answer.get(5, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(passed).isEqualTo(1);
            assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        } finally {
            pool.shutdownNow();
        }
    }

    private void openAt(long now) {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure(now);
        }
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }
}
