package org.buildwithukraine.line.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.line.Region;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code bwu_lines{region,state}}: how many lines of this region are in each state now, one series per state
 * from 0, so that a dashboard shows a region's lines going DOWN without waiting for a first one to. Read from
 * the lines' state in the database when scraped (the state index answers it), so every replica of the region
 * reports the same numbers and a restart loses nothing; NaN when the database cannot answer (readiness
 * reports the database itself).
 */
@Startup
@ApplicationScoped
public class LineStates {

    private final DataSource dataSource;

    public LineStates(DataSource dataSource, Region region, MeterRegistry registry) {
        this.dataSource = dataSource;
        for (LineState state : LineState.values()) {
            Gauge.builder("bwu.lines", this, lines -> lines.count(state))
                    .description("Lines of the region in each state, as their newest report says")
                    .tag("region", region.code())
                    .tag("state", state.name())
                    .register(registry);
        }
    }

    public double count(LineState state) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from production_line where state = ?")) {
            statement.setString(1, state.name());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lines in state " + state + " unknown: " + e.getMessage(), e);
        }
    }
}
