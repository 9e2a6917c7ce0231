package org.buildwithukraine.routing.network;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.buildwithukraine.kit.inbox.ProjectedView;

/** A row of the router's own view of the network: a snapshot it keeps, and when it last applied one. */
@MappedSuperclass
public abstract class NetworkView extends ProjectedView {

    /** The router's clock when it last applied a snapshot to this row. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
