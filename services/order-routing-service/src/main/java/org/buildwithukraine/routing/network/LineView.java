package org.buildwithukraine.routing.network;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.routing.engine.Line;

/** A production line as line.status last described it. */
@Entity
@Table(name = "line_view")
public class LineView extends NetworkView {

    @Id
    public String id;

    public String region;

    @Column(name = "factory_id", nullable = false)
    public String factoryId;

    @Column(name = "technology_code", nullable = false)
    public String technologyCode;

    @Column(name = "capacity_per_day", nullable = false)
    public int capacityPerDay;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LineState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "downtime_reason")
    public DowntimeReason downtimeReason;

    @Column(name = "state_since")
    public Instant stateSince;

    public Line toEngine() {
        return new Line(id, factoryId, technologyCode, capacityPerDay, state, downtimeReason, stateSince);
    }
}
