package org.buildwithukraine.routing.network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.routing.engine.Licence;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A licence as licence.events last described it. */
@Entity
@Table(name = "licence_view")
public class LicenceView extends NetworkView {

    @Id
    public String id;

    @Column(name = "technology_code", nullable = false)
    public String technologyCode;

    @Column(name = "factory_id", nullable = false)
    public String factoryId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] activities;

    @Column(name = "quantity_cap", nullable = false)
    public long quantityCap;

    @Column(name = "units_consumed", nullable = false)
    public long unitsConsumed;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to", nullable = false)
    public LocalDate validTo;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "export_territories", nullable = false, columnDefinition = "text[]")
    public String[] exportTerritories;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LicenceStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_since")
    public Instant statusSince;

    /** As the licence service last reported it: output it has not counted yet is the router's to add. */
    public Licence toEngine() {
        Set<LicenceActivity> permitted = EnumSet.noneOf(LicenceActivity.class);
        Arrays.stream(activities).map(LicenceActivity::valueOf).forEach(permitted::add);
        return new Licence(id, technologyCode, factoryId, permitted, quantityCap, unitsConsumed, validFrom, validTo,
                Set.of(exportTerritories), status, statusReason, statusSince);
    }
}
