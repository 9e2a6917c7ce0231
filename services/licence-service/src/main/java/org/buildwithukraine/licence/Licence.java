package org.buildwithukraine.licence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
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
import org.buildwithukraine.events.factory.FactoryStatus;
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
    private String id;

    @Column(name = "technology_code", nullable = false, updatable = false)
    private String technologyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "technology_category", nullable = false, updatable = false)
    private TechnologyCategory technologyCategory;

    @Column(name = "factory_id", nullable = false, updatable = false)
    private String factoryId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "licence_activity", joinColumns = @JoinColumn(name = "licence_id"))
    @Column(name = "activity")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 100)
    private Set<LicenceActivity> activities = EnumSet.noneOf(LicenceActivity.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "licence_territory", joinColumns = @JoinColumn(name = "licence_id"))
    @Column(name = "country")
    @BatchSize(size = 100)
    private Set<String> exportTerritories = new HashSet<>();

    @Column(name = "quantity_cap", nullable = false)
    private long quantityCap;

    @Column(name = "units_consumed", nullable = false)
    private long unitsConsumed;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to", nullable = false)
    private LocalDate validTo;

    /** Whether SUPERSEDED technical data releases are open to the licensee too; see {@link LicenceTerms}. */
    @Column(name = "earlier_revisions", nullable = false)
    private boolean earlierRevisions;

    private String provisos;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LicenceStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "suspended_by_officer", nullable = false)
    private boolean suspendedByOfficer;

    @Column(name = "suspended_with_factory", nullable = false)
    private boolean suspendedWithFactory;

    @Column(name = "requested_by", updatable = false)
    private String requestedBy;

    @Column(name = "granted_by")
    private String grantedBy;

    @Column(name = "granted_at")
    private Instant grantedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    /** For JPA only; a licence comes into being through {@link #requested} or {@link #granted}. */
    protected Licence() {
    }

    /** A manufacturer's request for a licence for its factory: REQUESTED, until an officer decides. */
    public static Licence requested(String id, Technology technology, String factoryId, LicenceTerms terms,
            String provisos, String reason, String requestedBy, Instant at) {
        Licence licence = create(id, technology, factoryId, terms, provisos, LicenceLifecycle.requested(), reason,
                at);
        licence.requestedBy = requestedBy;
        return licence;
    }

    /** An officer's licence without a request: GRANTED from the start. */
    public static Licence granted(String id, Technology technology, String factoryId, LicenceTerms terms,
            String provisos, String reason, String grantedBy, Instant at) {
        Licence licence = create(id, technology, factoryId, terms, provisos, LicenceLifecycle.grantedDirectly(),
                reason, at);
        licence.grantedBy = grantedBy;
        licence.grantedAt = at;
        return licence;
    }

    private static Licence create(String id, Technology technology, String factoryId, LicenceTerms terms,
            String provisos, Standing standing, String reason, Instant at) {
        Licence licence = new Licence();
        licence.id = id;
        licence.technologyCode = technology.code;
        licence.technologyCategory = technology.category;
        licence.factoryId = factoryId;
        licence.adopt(terms);
        licence.provisos = provisos == null || provisos.isBlank() ? null : provisos;
        licence.moveTo(standing);
        licence.statusReason = reason;
        licence.createdAt = at;
        licence.updatedAt = at;
        return licence;
    }

    /**
     * An officer's decision, as {@link LicenceLifecycle#decide} rules on it for this licence: applied when the
     * rule allows it, nothing changed otherwise.
     *
     * @param factoryStatus its factory's status as known here; only consulted when the decision puts the licence
     *                      in force
     * @return the rule's verdict
     */
    public Step decide(LicenceAction action, FactoryStatus factoryStatus, LocalDate today, String reason,
            String officer, Instant at) {
        return take(LicenceLifecycle.decide(standing(), action, factoryId, factoryStatus, validTo, today), action,
                reason, officer, at);
    }

    /**
     * What the calendar, the quota or the factory does to the licence, as {@link LicenceLifecycle#apply} rules
     * on it: applied when it changes the licence, nothing changed otherwise.
     *
     * @throws IllegalArgumentException for an action that puts the licence in force: that is an officer's
     *                                  {@link #decide decision}
     */
    public Step apply(LicenceAction action, String reason, String actor, Instant at) {
        if (LicenceLifecycle.putsInForce(action)) {
            throw new IllegalArgumentException(action + " is an officer's decision on licence " + id);
        }
        return take(LicenceLifecycle.apply(standing(), action), action, reason, actor, at);
    }

    /** The reason is kept as the status reason when the status changes (a second suspension cause keeps it). */
    private Step take(Step step, LicenceAction action, String reason, String actor, Instant at) {
        if (step instanceof Step.Changed changed) {
            if (changed.next().status() != status) {
                statusReason = reason;
            }
            moveTo(changed.next());
            if (action == LicenceAction.GRANT) {
                grantedBy = actor;
                grantedAt = at;
            }
            updatedAt = at;
        }
        return step;
    }

    /**
     * Takes amended terms and, unless {@code newProvisos} is null, provisos (blank clears them). The caller has
     * checked the terms against the current ones ({@link LicenceTerms#violationsReplacing}).
     *
     * @return whether anything the audit trail shows changed
     * @throws IllegalStateException if the licence is final
     */
    public boolean amend(LicenceTerms amended, String newProvisos, Instant at) {
        if (!LicenceLifecycle.amendable(status)) {
            throw new IllegalStateException("Licence " + id + " is " + status + " and can no longer be amended");
        }
        Map<String, Object> before = auditView();
        adopt(amended);
        if (newProvisos != null) {
            provisos = newProvisos.isBlank() ? null : newProvisos;
        }
        if (auditView().equals(before)) {
            return false;
        }
        updatedAt = at;
        return true;
    }

    /**
     * Output charged to the licence ({@link QuotaAllocation} decides the charge); whether that exhausts it is
     * then the lifecycle's ({@link LicenceAction#EXHAUST}).
     */
    public void consume(long consumedAfter, Instant at) {
        if (consumedAfter < 0) {
            throw new IllegalArgumentException("Licence " + id + " cannot have consumed " + consumedAfter + " units");
        }
        unitsConsumed = consumedAfter;
        updatedAt = at;
    }

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

    private void moveTo(Standing standing) {
        status = standing.status();
        suspendedByOfficer = standing.suspendedFor(SuspensionCause.OFFICER);
        suspendedWithFactory = standing.suspendedFor(SuspensionCause.FACTORY);
    }

    public LicenceTerms terms() {
        return new LicenceTerms(activities, quantityCap, validFrom, validTo, exportTerritories, earlierRevisions);
    }

    private void adopt(LicenceTerms terms) {
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

    /**
     * In force with no quota left: output made while it was GRANTED and charged while it was suspended used it up,
     * and the lifecycle exhausts only a GRANTED licence; back in force, it is due to be exhausted.
     */
    public boolean inForceWithQuotaUsedUp() {
        return status == LicenceStatus.GRANTED && remainingQuota() == 0;
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

    public String id() {
        return id;
    }

    public String technologyCode() {
        return technologyCode;
    }

    public TechnologyCategory technologyCategory() {
        return technologyCategory;
    }

    public String factoryId() {
        return factoryId;
    }

    public Set<LicenceActivity> activities() {
        return Collections.unmodifiableSet(activities);
    }

    public Set<String> exportTerritories() {
        return Collections.unmodifiableSet(exportTerritories);
    }

    public long quantityCap() {
        return quantityCap;
    }

    public long unitsConsumed() {
        return unitsConsumed;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public boolean earlierRevisions() {
        return earlierRevisions;
    }

    public String provisos() {
        return provisos;
    }

    public LicenceStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String grantedBy() {
        return grantedBy;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
