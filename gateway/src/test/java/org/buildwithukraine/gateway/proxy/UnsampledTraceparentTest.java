package org.buildwithukraine.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * With OpenTelemetry switched off in the gateway there is no span to pass on: the backend gets the caller's trace,
 * or a new one, never sampled (the gateway's own span, when there is one, is HeadersTest's).
 */
class UnsampledTraceparentTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String NEW_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String PARENT = "b7ad6b7169203331";

    @Test
    void aCallersSampledTraceGoesOnUnsampled() {
        assertThat(Exchange.unsampledTraceparent("00-" + TRACE + "-00f067aa0ba902b7-01", NEW_TRACE, PARENT))
                .isEqualTo("00-" + TRACE + "-00f067aa0ba902b7-00");
        assertThat(Exchange.unsampledTraceparent("00-" + TRACE + "-00f067aa0ba902b7-00", NEW_TRACE, PARENT))
                .isEqualTo("00-" + TRACE + "-00f067aa0ba902b7-00");
    }

    @Test
    void withoutAReadableTraceparentOneStartsUnsampled() {
        for (String unreadable : new String[] { null, "", "01-" + TRACE + "-00f067aa0ba902b7-01",
                "00-" + TRACE.toUpperCase() + "-00f067aa0ba902b7-01", "00-" + TRACE + "-00f067aa0ba902b7-01-extra" }) {
            assertThat(Exchange.unsampledTraceparent(unreadable, NEW_TRACE, PARENT)).as("given %s", unreadable)
                    .isEqualTo("00-" + NEW_TRACE + "-" + PARENT + "-00");
        }
    }
}
