package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void allowsABurstThenTheRefillRate() {
        TokenBucket bucket = new TokenBucket(3, 2, 0);
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(SECOND / 2);
        assertThat(bucket.take(SECOND / 4)).isEqualTo(SECOND / 4);
        assertThat(bucket.take(SECOND / 2)).isZero();
        assertThat(bucket.take(SECOND / 2)).isEqualTo(SECOND / 2);
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 10, 0);
        long hourLater = 3600 * SECOND;
        assertThat(bucket.take(hourLater)).isZero();
        assertThat(bucket.take(hourLater)).isZero();
        assertThat(bucket.take(hourLater)).isPositive();
    }

    @Test
    void aSlowRefillTellsAFarRetry() {
        TokenBucket bucket = new TokenBucket(1, 0.2, 0);
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(5 * SECOND);
    }
}
