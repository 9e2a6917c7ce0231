package org.buildwithukraine.kit.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * The events committed but not yet published, as Prometheus gauges: {@code bwu_outbox_pending} (how many) and
 * {@code bwu_outbox_oldest_pending_seconds} (how long the oldest has waited). A backlog that grows, or an age
 * that keeps rising, means the relay cannot reach Kafka: the service's state is ahead of what others have heard.
 * Read when scraped, from the partial index the relay uses.
 */
@Startup
@ApplicationScoped
public class OutboxBacklog {

    private final DataSource dataSource;

    public OutboxBacklog(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("bwu.outbox.pending", this, OutboxBacklog::pending)
                .description("Outbox events committed but not yet published to Kafka")
                .register(registry);
        Gauge.builder("bwu.outbox.oldest.pending", this, OutboxBacklog::oldestPendingSeconds)
                .description("Seconds since the oldest unpublished outbox event occurred (0 when none is pending)")
                .baseUnit("seconds")
                .register(registry);
    }

    public double pending() {
        return query("select count(*) from outbox_event where published_at is null");
    }

    public double oldestPendingSeconds() {
        return query("select coalesce(extract(epoch from now() - min(occurred_at)), 0) from outbox_event"
                + " where published_at is null");
    }

    private double query(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getDouble(1);
        } catch (SQLException e) {
            // the gauge shows NaN while the database cannot answer; readiness reports the database itself
            throw new IllegalStateException("outbox backlog unknown: " + e.getMessage(), e);
        }
    }
}
