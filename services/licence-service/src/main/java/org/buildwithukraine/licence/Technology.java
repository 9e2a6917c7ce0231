package org.buildwithukraine.licence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.buildwithukraine.events.TechnologyCategory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A Ukrainian defence technology that factories may be licensed to build. */
@Entity
@Table(name = "technology")
public class Technology extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TechnologyCategory category;

    /** Entry of the EU Common Military List, e.g. ML10. */
    @Column(name = "control_list_entry", nullable = false)
    public String controlListEntry;

    /** Who holds the rights to the technology (design bureau, ministry). */
    public String owner;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A technology entering the catalogue, on record as added by {@code by} at {@code at}. */
    public static Technology catalogued(String code, String name, TechnologyCategory category, String controlListEntry,
            String owner, String by, Instant at) {
        Technology technology = new Technology();
        technology.code = code;
        technology.name = name;
        technology.category = category;
        technology.controlListEntry = controlListEntry;
        technology.owner = owner;
        technology.createdBy = by;
        technology.createdAt = at;
        return technology;
    }
}
