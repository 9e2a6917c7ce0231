package org.buildwithukraine.line;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A factory as factory.events last described it; lines may be registered only for ACTIVE manufacturers. */
@Entity
@Table(name = "factory_view")
public class KnownFactory extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FactoryKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FactoryStatus status;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;
}
