package org.buildwithukraine.licence.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;

/**
 * The headroom of every GRANTED licence, per licence, factory and technology, so that officers are warned before
 * a factory's output stops being covered: {@code bwu_licence_quota_remaining_ratio} (units left of the cap, 0 to
 * 1) and {@code bwu_licence_expiry_timestamp_seconds} (when its last valid day ends in the licence zone, so
 * {@code bwu_licence_expiry_timestamp_seconds - time()} is how long it has left). Read from the database every
 * {@code bwu.licence.headroom-interval}, not per scrape, as one query over all granted licences; a licence that
 * is no longer granted disappears from both at the next read. While the database cannot answer, the last read
 * stays.
 */
@ApplicationScoped
public class LicenceHeadroom {

    private static final Logger LOG = Logger.getLogger(LicenceHeadroom.class);

    private final DataSource dataSource;
    private final LicenceConfig config;
    private final MultiGauge remainingRatio;
    private final MultiGauge expiry;

    public LicenceHeadroom(DataSource dataSource, LicenceConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.remainingRatio = MultiGauge.builder("bwu.licence.quota.remaining.ratio")
                .description("Share of a granted licence's quantity cap not yet consumed")
                .register(registry);
        this.expiry = MultiGauge.builder("bwu.licence.expiry.timestamp")
                .description("Epoch seconds at which a granted licence's last valid day ends")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(identity = "licence-headroom", every = "${bwu.licence.headroom-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        List<Row<?>> ratios = new ArrayList<>();
        List<Row<?>> expiries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select id, factory_id, technology_code, quantity_cap,"
                        + " units_consumed, valid_to from licence where status = 'GRANTED'")) {
            while (result.next()) {
                Tags tags = Tags.of("licence", result.getString(1), "factory", result.getString(2),
                        "technology", result.getString(3));
                double cap = result.getLong(4);
                ratios.add(Row.of(tags, (cap - result.getLong(5)) / cap));
                expiries.add(Row.of(tags, result.getDate(6).toLocalDate().plusDays(1).atStartOfDay(config.zone())
                        .toEpochSecond()));
            }
        } catch (SQLException e) {
            LOG.warnf("Licence headroom not refreshed, will retry: %s", e.getMessage());
            return;
        }
        remainingRatio.register(ratios, true);
        expiry.register(expiries, true);
    }
}
