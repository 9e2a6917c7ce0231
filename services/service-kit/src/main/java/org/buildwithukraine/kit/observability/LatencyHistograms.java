package org.buildwithukraine.kit.observability;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Latency buckets on every service's {@code http_server_requests_seconds} (by method, uri, status), so that the
 * dashboards can show p50 and p99 per route, aggregated over replicas with {@code histogram_quantile}; Micrometer
 * publishes no buckets for the HTTP server timer by default. The same twelve bounds as the gateway's
 * {@code bwu_gateway_requests_seconds}, so that both sides of a route read on one scale: a fixed, small set per
 * series rather than Micrometer's percentile histogram of about seventy buckets.
 */
public class LatencyHistograms {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    private static final double[] BOUNDS_NANOS = bounds(Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10));

    @Produces
    @Singleton
    MeterFilter httpServerLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BOUNDS_NANOS).build()
                        .merge(config);
            }
        };
    }

    private static double[] bounds(Duration... durations) {
        double[] nanos = new double[durations.length];
        for (int i = 0; i < durations.length; i++) {
            nanos[i] = durations[i].toNanos();
        }
        return nanos;
    }
}
