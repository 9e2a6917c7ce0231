package org.buildwithukraine.factory;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactorySnapshot;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.hibernate.annotations.BatchSize;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A partner factory or export centre of the network. */
@Entity
@Table(name = "factory")
public class Factory extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, length = 2)
    public String country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FactoryKind kind;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "factory_capability", joinColumns = @JoinColumn(name = "factory_id"))
    @Column(name = "category")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 100)
    public Set<TechnologyCategory> capabilities = EnumSet.noneOf(TechnologyCategory.class);

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FactoryStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public FactorySnapshot snapshot() {
        return new FactorySnapshot(id, name, country, kind, Set.copyOf(capabilities), status, statusReason);
    }
}
