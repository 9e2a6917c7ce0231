package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.gateway.Api.as;
import static org.buildwithukraine.gateway.Api.user;
import static org.buildwithukraine.gateway.RouteTable.ORDER_DESK;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@StubbedPlatform
class HeadersTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @BeforeEach
    void reset() {
        StubBackends.resetAll();
    }

    @Test
    void passesTheCallersTokenAndRequestIdOnAndContinuesItsTrace() {
        String authorization = user("desk", ORDER_DESK).bearer();
        Response response = as(authorization)
                .header("X-Request-Id", "req-42")
                .header("traceparent", TRACEPARENT)
                .header("tracestate", "bwu=1")
                .header("Accept-Language", "uk")
                .get("/api/orders/1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).isEqualTo("req-42");

        var seen = StubBackends.stub("routing").last().headers();
        assertThat(seen.get("Authorization")).isEqualTo(authorization);
        assertThat(seen.get("X-Request-Id")).isEqualTo("req-42");
        // the backend continues the gateway's span: the caller's trace and state, sampled as the gateway decided
        // (the caller's flag 01 notwithstanding, not sampled at the gateway's ratio of 0)
        assertThat(seen.get("traceparent")).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-00")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(seen.get("tracestate")).isEqualTo("bwu=1");
        assertThat(seen.get("Accept-Language")).isEqualTo("uk");
        assertThat(seen.get("X-Forwarded-For")).isNotBlank();
        assertThat(seen.get("X-Forwarded-Proto")).isEqualTo("http");
    }

    @Test
    void createsARequestIdAndTraceWhenTheCallerHasNone() {
        Response response = as(user("desk", ORDER_DESK)).get("/api/orders");
        String requestId = response.header("X-Request-Id");
        assertThat(requestId).matches("[0-9a-f]{32}");

        var seen = StubBackends.stub("routing").last().headers();
        assertThat(seen.get("X-Request-Id")).isEqualTo(requestId);
        // a trace starts here, its id the request id; not sampled at the default ratio of 0
        assertThat(seen.get("traceparent")).matches("00-" + requestId + "-[0-9a-f]{16}-00");
    }

    @Test
    void anUnfitRequestIdIsReplaced() {
        String requestId = as(user("desk", ORDER_DESK)).header("X-Request-Id", "a b<script>").get("/api/orders")
                .header("X-Request-Id");
        assertThat(requestId).matches("[0-9a-f]{32}");
    }

    @Test
    void dropsHopByHopHeadersBothWays() {
        Response response = as(user("desk", ORDER_DESK))
                .header("Connection", "X-Caller-Hop")
                .header("X-Caller-Hop", "secret")
                .header("Keep-Alive", "timeout=5")
                .header("TE", "trailers")
                .header("Proxy-Authorization", "Basic eDp5")
                .header("Upgrade", "example/1")
                .get("/api/orders");
        assertThat(response.statusCode()).isEqualTo(200);

        var seen = StubBackends.stub("routing").last().headers();
        assertThat(seen.contains("X-Caller-Hop")).isFalse();
        assertThat(seen.contains("TE")).isFalse();
        assertThat(seen.contains("Proxy-Authorization")).isFalse();
        assertThat(seen.contains("Upgrade")).isFalse();
        assertThat(seen.get("Keep-Alive")).isNull();

        // the stub answered with Connection: X-Stub-Hop, X-Stub-Hop and Keep-Alive
        assertThat(response.header("X-Stub-Backend")).isEqualTo("routing");
        assertThat(response.header("X-Stub-Hop")).isNull();
        assertThat(response.header("Keep-Alive")).isNull();
        assertThat(response.header("Connection")).isNotEqualToIgnoringCase("X-Stub-Hop");
    }
}
