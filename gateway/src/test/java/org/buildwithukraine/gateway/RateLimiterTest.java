package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.buildwithukraine.gateway.config.GatewayConfig;
import org.buildwithukraine.gateway.proxy.Caller;
import org.buildwithukraine.gateway.proxy.RateLimiter;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Buckets are per caller: one caller spending its allowance holds back nobody else. */
class RateLimiterTest {

    private static final long EXP = Long.MAX_VALUE;

    /** The default allowance only (no client of its own), small and refilled too slowly to matter in a test. */
    private final RateLimiter limiter = new RateLimiter(new SmallRyeConfigBuilder()
            .withMapping(GatewayConfig.class)
            .withConverter(Duration.class, 200, new DurationConverter())
            .withSources(new PropertiesConfigSource(Map.of(
                    "bwu.gateway.rate-limit.capacity", "3",
                    "bwu.gateway.rate-limit.refill-per-second", "0.001"), "test", 250))
            .build().getConfigMapping(GatewayConfig.class));

    @Test
    void twoCallersOnTheDefaultAllowanceHaveABucketEach() {
        Caller alice = user("subject-alice", "alice");
        Caller bob = user("subject-bob", "bob");
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.delay(alice)).as("alice's request %d", i + 1).isZero();
        }
        assertThat(limiter.delay(alice)).as("alice over her allowance").isPositive();

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.delay(bob)).as("bob's request %d, after alice spent hers", i + 1).isZero();
        }
        assertThat(limiter.delay(bob)).as("bob over his allowance").isPositive();
    }

    @Test
    void aCallersSecondTokenDrawsOnTheSameBucket() {
        Caller firstToken = user("subject-carol", "carol");
        Caller secondToken = new Caller("subject-carol", "carol", "bwu-console", Set.of("NETWORK_ADMIN"), null, EXP - 1);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.delay(i % 2 == 0 ? firstToken : secondToken)).isZero();
        }
        assertThat(limiter.delay(secondToken)).isPositive();
    }

    private static Caller user(String subject, String username) {
        return new Caller(subject, username, "bwu-console", Set.of("NETWORK_ADMIN"), null, EXP);
    }
}
