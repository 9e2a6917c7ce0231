package org.buildwithukraine.line.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.line.Region;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code bwu_line_newest_report_age_seconds{region}}: how long ago the newest status report of any line of this
 * region was observed. A region whose MES stopped sending (network, expired client secret, the gateway's breaker)
 * shows an age that keeps rising, even across restarts of this service, because it is read from the lines'
 * state in the database when scraped. NaN while no line of the region has reported yet, or the database cannot
 * answer (readiness reports the database itself).
 */
@Startup
@ApplicationScoped
public class ReportFreshness {

    private final DataSource dataSource;

    public ReportFreshness(DataSource dataSource, Region region, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("bwu.line.newest.report.age", this, ReportFreshness::newestReportAgeSeconds)
                .description("Seconds since the newest status report of any line of the region was observed")
                .baseUnit("seconds")
                .tag("region", region.code())
                .register(registry);
    }

    public double newestReportAgeSeconds() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select extract(epoch from now() - max(last_observed_at)) from production_line")) {
            result.next();
            double age = result.getDouble(1);
            return result.wasNull() ? Double.NaN : age;
        } catch (SQLException e) {
            throw new IllegalStateException("newest report age unknown: " + e.getMessage(), e);
        }
    }
}
