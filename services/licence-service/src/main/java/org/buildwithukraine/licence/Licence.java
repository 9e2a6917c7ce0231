package org.buildwithukraine.licence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceSnapshot;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.hibernate.annotations.BatchSize;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A factory's licence to build (and perhaps export) one technology, with its quota. */
@Entity
@Table(name = "licence")
public class Licence extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "technology_code", nullable = false, updatable = false)
    public String technologyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "technology_category", nullable = false, updatable = false)
    public TechnologyCategory technologyCategory;

    @Column(name = "factory_id", nullable = false, updatable = false)
    public String factoryId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "licence_activity", joinColumns = @JoinColumn(name = "licence_id"))
    @Column(name = "activity")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 100)
    public Set<LicenceActivity> activities = EnumSet.noneOf(LicenceActivity.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "licence_territory", joinColumns = @JoinColumn(name = "licence_id"))
    @Column(name = "country")
    @BatchSize(size = 100)
    public Set<String> exportTerritories = new HashSet<>();

    @Column(name = "quantity_cap", nullable = false)
    public long quantityCap;

    @Column(name = "units_consumed", nullable = false)
    public long unitsConsumed;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to", nullable = false)
    public LocalDate validTo;

    /** Whether SUPERSEDED technical data releases are open to the licensee too; see {@link LicenceTerms}. */
    @Column(name = "earlier_revisions", nullable = false)
    public boolean earlierRevisions;

    public String provisos;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LicenceStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "suspended_by_officer", nullable = false)
    public boolean suspendedByOfficer;

    @Column(name = "suspended_with_factory", nullable = false)
    public boolean suspendedWithFactory;

    @Column(name = "requested_by", updatable = false)
    public String requestedBy;

    @Column(name = "granted_by")
    public String grantedBy;

    @Column(name = "granted_at")
    public Instant grantedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public Standing standing() {
        Set<SuspensionCause> causes = EnumSet.noneOf(SuspensionCause.class);
        if (suspendedByOfficer) {
            causes.add(SuspensionCause.OFFICER);
        }
        if (suspendedWithFactory) {
            causes.add(SuspensionCause.FACTORY);
        }
        return new Standing(status, causes);
    }

    public void moveTo(Standing standing) {
        status = standing.status();
        suspendedByOfficer = standing.suspendedFor(SuspensionCause.OFFICER);
        suspendedWithFactory = standing.suspendedFor(SuspensionCause.FACTORY);
    }

    public LicenceTerms terms() {
        return new LicenceTerms(activities, quantityCap, validFrom, validTo, exportTerritories, earlierRevisions);
    }

    public void adopt(LicenceTerms terms) {
        if (!activities.equals(terms.activities())) {
            activities.clear();
            activities.addAll(terms.activities());
        }
        if (!exportTerritories.equals(terms.exportTerritories())) {
            exportTerritories.clear();
            exportTerritories.addAll(terms.exportTerritories());
        }
        quantityCap = terms.quantityCap();
        validFrom = terms.validFrom();
        validTo = terms.validTo();
        earlierRevisions = terms.earlierRevisions();
    }

    public long remainingQuota() {
        return Math.max(0, quantityCap - unitsConsumed);
    }

    public LicenceSnapshot snapshot() {
        return new LicenceSnapshot(id, technologyCode, technologyCategory, factoryId, Set.copyOf(activities),
                quantityCap, unitsConsumed, remainingQuota(), validFrom, validTo, Set.copyOf(exportTerritories),
                status, statusReason, earlierRevisions);
    }

    /** The fields the audit trail compares before and after a change, as plain JSON values. */
    public Map<String, Object> auditView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("technologyCode", technologyCode);
        view.put("factoryId", factoryId);
        view.put("status", status.name());
        view.put("statusReason", statusReason);
        view.put("suspendedFor", standing().suspensions().stream().map(Enum::name).sorted().toList());
        view.put("activities", activities.stream().map(Enum::name).sorted().toList());
        view.put("quantityCap", quantityCap);
        view.put("unitsConsumed", unitsConsumed);
        view.put("validFrom", validFrom.toString());
        view.put("validTo", validTo.toString());
        view.put("exportTerritories", exportTerritories.stream().sorted().toList());
        view.put("earlierRevisions", earlierRevisions);
        view.put("provisos", provisos);
        return view;
    }
}
