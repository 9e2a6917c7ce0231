package org.buildwithukraine.kit.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;

/** A streamed route's limit must fit under Quarkus's own, or Quarkus would cut its bodies off first. */
class RequestGuardConfigTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void aStreamedRouteOverQuarkussLimitIsRefusedAtStart() {
        assertThatThrownBy(() -> new RequestGuard(new ObjectMapper(), config(200 * MIB), size(MIB)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("content").hasMessageContaining("quarkus.http.limits.max-body-size");
    }

    @Test
    void aStreamedRouteWithinQuarkussLimitIsTaken() {
        assertThatCode(() -> new RequestGuard(new ObjectMapper(), config(200 * MIB), size(200 * MIB)))
                .doesNotThrowAnyException();
    }

    private static MemorySize size(long bytes) {
        return new MemorySize(BigInteger.valueOf(bytes));
    }

    private static HttpGuardConfig config(long routeLimit) {
        HttpGuardConfig.StreamedRoute route = new HttpGuardConfig.StreamedRoute() {
            @Override
            public String method() {
                return "PUT";
            }

            @Override
            public String path() {
                return "/api/things/{id}/content";
            }

            @Override
            public MemorySize maxBodySize() {
                return size(routeLimit);
            }

            @Override
            public Duration idleTimeout() {
                return Duration.ofSeconds(30);
            }
        };
        return new HttpGuardConfig() {
            @Override
            public Duration bodyTimeout() {
                return Duration.ofSeconds(30);
            }

            @Override
            public MemorySize maxBodySize() {
                return size(MIB);
            }

            @Override
            public Map<String, StreamedRoute> streamedRoutes() {
                return Map.of("content", route);
            }
        };
    }
}
