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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A production line as line.status last described it. */
@Entity
@Table(name = "line_view")
public class LineView extends PanacheEntityBase {

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

    /** The {@code occurredAt} of the event whose snapshot this shows; null if kept before it was recorded. */
    @Column(name = "as_of")
    public Instant asOf;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Line toEngine() {
        return new Line(id, factoryId, technologyCode, capacityPerDay, state, downtimeReason, stateSince);
    }
}
