package org.buildwithukraine.gateway.observability;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A service's outbox backlog as its service-kit gauges (OutboxBacklog) show it on the service's Prometheus metrics:
 * events committed but not yet published, and the age of the oldest of them.
 */
public record OutboxBacklogReading(double pending, double oldestPendingSeconds) {

    static final String PENDING = "bwu_outbox_pending";
    static final String OLDEST_PENDING_SECONDS = "bwu_outbox_oldest_pending_seconds";

    /**
     * The backlog in a Prometheus text exposition; empty when the service shows no such gauges (it has no outbox)
     * or shows them as NaN (its database did not answer the gauge's query).
     */
    public static Optional<OutboxBacklogReading> of(String exposition) {
        OptionalDouble pending = sample(exposition, PENDING);
        OptionalDouble oldest = sample(exposition, OLDEST_PENDING_SECONDS);
        if (pending.isEmpty() || oldest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OutboxBacklogReading(pending.getAsDouble(), oldest.getAsDouble()));
    }

    /** The value of the first sample of this metric (with or without labels), if it is a number. */
    private static OptionalDouble sample(String exposition, String metric) {
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(metric) || line.length() == metric.length()) {
                continue;
            }
            char next = line.charAt(metric.length());
            int valueStart;
            if (next == '{') {
                int labelsEnd = line.lastIndexOf('}');
                if (labelsEnd < 0) {
                    continue;
                }
                valueStart = labelsEnd + 1;
            } else if (next == ' ') {
                valueStart = metric.length();
            } else {
                // another metric whose name starts with this one's
                continue;
            }
            String[] fields = line.substring(valueStart).trim().split("\\s+");
            try {
                double value = Double.parseDouble(fields[0]);
                return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }
}
