package org.buildwithukraine.line;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.kit.inbox.ProjectedView;

/** A factory as factory.events last described it; lines may be registered only for ACTIVE manufacturers. */
@Entity
@Table(name = "factory_view")
public class KnownFactory extends ProjectedView {

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
}
