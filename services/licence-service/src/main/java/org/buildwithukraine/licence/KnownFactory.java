package org.buildwithukraine.licence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.kit.inbox.ProjectedView;

/** A factory as the factory service last announced it; the factory service owns the truth. */
@Entity
@Table(name = "factory_view")
public class KnownFactory extends ProjectedView {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, length = 2)
    public String country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FactoryKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FactoryStatus status;

    @Column(name = "status_reason")
    public String statusReason;
}
