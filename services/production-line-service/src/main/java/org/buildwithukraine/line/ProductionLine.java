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
    private String id;

    @Column(name = "factory_id", nullable = false)
    private String factoryId;

    @Column(name = "technology_code", nullable = false)
    private String technologyCode;

    @Column(name = "nominal_capacity_per_day", nullable = false)
    private int nominalCapacityPerDay;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LineState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "downtime_reason")
    private DowntimeReason downtimeReason;

    /** observedAt of the report that put the line in its current state (registration time before any). */
    @Column(name = "state_since", nullable = false)
    private Instant stateSince;

    @Column(name = "last_report_id")
    private String lastReportId;

    /** observedAt of the newest report; an older report arriving later leaves the state alone. */
    @Column(name = "last_observed_at")
    private Instant lastObservedAt;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    /** For JPA only; a line comes into being through {@link #register}. */
    protected ProductionLine() {
    }

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

    /**
     * Takes a status report in, as {@link ReportEffect} rules on it: the newest report becomes the line's latest
     * and, if it says something else than the current state, the line's state since its observation. A report
     * older than the latest (it arrived late) leaves the line alone.
     *
     * @return the report's effect on the line
     */
    public ReportEffect accept(StatusReport report, Instant at) {
        if (!id.equals(report.lineId)) {
            throw new IllegalArgumentException("Report " + report.reportId + " of line " + report.lineId
                    + " given to line " + id);
        }
        ReportEffect effect = ReportEffect.of(lastObservedAt, state, downtimeReason, report.observedAt,
                report.state, report.downtimeReason);
        if (effect.updatesCurrentState()) {
            lastReportId = report.reportId;
            lastObservedAt = report.observedAt;
            updatedAt = at;
        }
        if (effect == ReportEffect.STATE_CHANGED) {
            state = report.state;
            downtimeReason = report.downtimeReason;
            stateSince = report.observedAt;
        }
        return effect;
    }

    public LineSnapshot snapshot(String region) {
        return new LineSnapshot(id, region, factoryId, technologyCode, nominalCapacityPerDay, state, downtimeReason,
                stateSince);
    }

    public String id() {
        return id;
    }

    public String factoryId() {
        return factoryId;
    }

    public String technologyCode() {
        return technologyCode;
    }

    public int nominalCapacityPerDay() {
        return nominalCapacityPerDay;
    }

    public LineState state() {
        return state;
    }

    public DowntimeReason downtimeReason() {
        return downtimeReason;
    }

    public Instant stateSince() {
        return stateSince;
    }

    public String lastReportId() {
        return lastReportId;
    }

    public Instant lastObservedAt() {
        return lastObservedAt;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
