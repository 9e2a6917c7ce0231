package org.buildwithukraine.factory;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
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
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, length = 2)
    private String country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FactoryKind kind;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "factory_capability", joinColumns = @JoinColumn(name = "factory_id"))
    @Column(name = "category")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 100)
    private Set<TechnologyCategory> capabilities = EnumSet.noneOf(TechnologyCategory.class);

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FactoryStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    /** For JPA only; a factory comes into being through {@link #register}. */
    protected Factory() {
    }

    /** A factory joins the network ONBOARDING: known, not yet allowed to hold licences or take work. */
    public static Factory register(String id, String name, String country, FactoryKind kind,
            Set<TechnologyCategory> capabilities, Instant at) {
        Factory factory = new Factory();
        factory.id = id;
        factory.name = name;
        factory.country = country;
        factory.kind = kind;
        factory.capabilities = categories(capabilities);
        factory.status = FactoryStatus.ONBOARDING;
        factory.registeredAt = at;
        factory.updatedAt = at;
        return factory;
    }

    /**
     * Takes a new name and capabilities; null keeps what it has.
     *
     * @return whether anything changed
     */
    public boolean update(String newName, Set<TechnologyCategory> newCapabilities, Instant at) {
        boolean changed = false;
        if (newName != null && !newName.equals(name)) {
            name = newName;
            changed = true;
        }
        if (newCapabilities != null && !categories(newCapabilities).equals(capabilities)) {
            capabilities.clear();
            capabilities.addAll(newCapabilities);
            changed = true;
        }
        if (changed) {
            updatedAt = at;
        }
        return changed;
    }

    /**
     * Moves to {@code target} if {@link StatusTransition} allows it from the current status.
     *
     * @return the transition made, or empty (nothing changed) when it is not allowed
     */
    public Optional<StatusTransition> moveTo(FactoryStatus target, String reason, Instant at) {
        Optional<StatusTransition> transition = StatusTransition.between(status, target);
        transition.ifPresent(allowed -> {
            status = allowed.target();
            statusReason = reason;
            updatedAt = at;
        });
        return transition;
    }

    private static EnumSet<TechnologyCategory> categories(Set<TechnologyCategory> categories) {
        return categories == null || categories.isEmpty() ? EnumSet.noneOf(TechnologyCategory.class)
                : EnumSet.copyOf(categories);
    }

    public FactorySnapshot snapshot() {
        return new FactorySnapshot(id, name, country, kind, Set.copyOf(capabilities), status, statusReason);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String country() {
        return country;
    }

    public FactoryKind kind() {
        return kind;
    }

    public Set<TechnologyCategory> capabilities() {
        return Collections.unmodifiableSet(capabilities);
    }

    public FactoryStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
