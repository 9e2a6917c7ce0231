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
 * The region's lines by state now, one series per state from 0 (so that a dashboard shows lines going DOWN
 * without waiting for a first one to): {@code bwu_lines{region,state}}, how many, and
 * {@code bwu_lines_capacity_units_per_day{region,state}}, their nominal capacity in units per 24 h — what a
 * region's OEE is measured against (good units over the capacity of the lines meant to produce). Read from the
 * lines' state in the database when scraped (the state index answers it), so every replica of the region reports
 * the same numbers and a restart loses nothing; NaN when the database cannot answer (readiness reports the
 * database itself).
 */
@Startup
@ApplicationScoped
public class LineStates {

    private static final String IN_STATE = "select count(*), coalesce(sum(nominal_capacity_per_day), 0)"
            + " from production_line where state = ?";

    private final DataSource dataSource;

    public LineStates(DataSource dataSource, Region region, MeterRegistry registry) {
        this.dataSource = dataSource;
        for (LineState state : LineState.values()) {
            Gauge.builder("bwu.lines", this, lines -> lines.inState(state, 1))
                    .description("Lines of the region in each state, as their newest report says")
                    .tag("region", region.code())
                    .tag("state", state.name())
                    .register(registry);
            Gauge.builder("bwu.lines.capacity.units.per.day", this, lines -> lines.inState(state, 2))
                    .description("Nominal capacity of the region's lines in each state")
                    .tag("region", region.code())
                    .tag("state", state.name())
                    .register(registry);
        }
    }

    /** Column 1: how many lines are in the state; column 2: their nominal capacity per day. */
    private double inState(LineState state, int column) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(IN_STATE)) {
            statement.setString(1, state.name());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(column);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lines in state " + state + " unknown: " + e.getMessage(), e);
        }
    }
}
