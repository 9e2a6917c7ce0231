package org.buildwithukraine.kit.inbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A row of a read model that {@link SnapshotProjector} keeps: it records which snapshot it shows, so that the
 * projector can ignore an older one. Its table has an {@code as_of} column; whether that is {@code not null}
 * is the table's own choice (a view kept before it was recorded has none).
 */
@MappedSuperclass
public abstract class ProjectedView extends PanacheEntityBase {

    /** The {@code occurredAt} of the event whose snapshot this shows; null if kept before it was recorded. */
    @Column(name = "as_of")
    public Instant asOf;

    Instant asOf() {
        return asOf;
    }

    void showSnapshotOf(Instant occurredAt) {
        asOf = occurredAt;
    }
}
