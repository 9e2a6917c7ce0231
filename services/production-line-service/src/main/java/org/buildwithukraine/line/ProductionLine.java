package org.buildwithukraine.line;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineSnapshot;
import org.buildwithukraine.events.line.LineState;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A production line of this region's factories, with its current state as its latest report says. */
@Entity
@Table(name = "production_line")
public class ProductionLine extends PanacheEntityBase {

    /** A line starts IDLE: available, not producing, until its factory reports otherwise. */
    public static final LineState INITIAL_STATE = LineState.IDLE;

    @Id
    public String id;

    @Column(name = "factory_id", nullable = false)
    public String factoryId;

    @Column(name = "technology_code", nullable = false)
    public String technologyCode;

    @Column(name = "nominal_capacity_per_day", nullable = false)
    public int nominalCapacityPerDay;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LineState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "downtime_reason")
    public DowntimeReason downtimeReason;

    /** observedAt of the report that put the line in its current state (registration time before any). */
    @Column(name = "state_since", nullable = false)
    public Instant stateSince;

    @Column(name = "last_report_id")
    public String lastReportId;

    /** observedAt of the newest report; an older report arriving later leaves the state alone. */
    @Column(name = "last_observed_at")
    public Instant lastObservedAt;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** A new line, IDLE from the moment of its registration. */
    public static ProductionLine register(String id, LineDefinition definition, Instant now) {
        ProductionLine line = new ProductionLine();
        line.id = id;
        line.state = INITIAL_STATE;
        line.stateSince = now;
        line.registeredAt = now;
        line.redefine(definition, now);
        return line;
    }

    /** Takes the factory, technology and capacity a registration gives; the state stays what reports made it. */
    public void redefine(LineDefinition definition, Instant now) {
        factoryId = definition.factoryId();
        technologyCode = definition.technologyCode();
        nominalCapacityPerDay = definition.nominalCapacityPerDay();
        updatedAt = now;
    }

    public LineSnapshot snapshot(String region) {
        return new LineSnapshot(id, region, factoryId, technologyCode, nominalCapacityPerDay, state, downtimeReason,
                stateSince);
    }
}
