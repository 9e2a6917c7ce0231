package org.buildwithukraine.routing.network;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.routing.engine.Factory;

/** A factory or export centre as factory.events last described it. */
@Entity
@Table(name = "factory_view")
public class FactoryView extends NetworkView {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FactoryKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FactoryStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_since")
    public Instant statusSince;

    public Factory toEngine() {
        return new Factory(id, kind, status, statusReason, statusSince);
    }
}
