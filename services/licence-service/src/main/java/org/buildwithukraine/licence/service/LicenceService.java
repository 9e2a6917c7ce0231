package org.buildwithukraine.licence.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.kit.problem.Problem.FieldError;
import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.kit.web.ListFilter;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.licence.KnownFactory;
import org.buildwithukraine.licence.Licence;
import org.buildwithukraine.licence.LicenceAction;
import org.buildwithukraine.licence.LicenceAuditRecord;
import org.buildwithukraine.licence.LicenceLifecycle;
import org.buildwithukraine.licence.LicenceTerms;
import org.buildwithukraine.licence.Step;
import org.buildwithukraine.licence.Technology;

import io.quarkus.panache.common.Sort;

/**
 * Licences through their lifecycle. Every change of a licence locks it, appends its audit record and, when
 * the order router's view changes, records its event, all in one transaction.
 */
@ApplicationScoped
public class LicenceService {

    private static final String FACTORY_SUSPENDED_REASON = "factory suspended";
    private static final String FACTORY_REINSTATED_REASON = "factory reinstated";

    private static final String EXPIRY_ACTOR = "system:licence-expiry";

    private final LicenceEvents events;
    private final AuditTrail audit;
    private final LicenceLocks locks;
    private final Clock clock;
    private final LicenceConfig config;

    public LicenceService(LicenceEvents events, AuditTrail audit, LicenceLocks locks, Clock clock,
            LicenceConfig config) {
        this.events = events;
        this.locks = locks;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }

    /** An officer grants a licence without a request. */
    @Transactional
    public Licence grant(NewLicence request, String actor) {
        Licence licence = Licence.granted(UUID.randomUUID().toString(), admissible(request), request.factoryId(),
                request.terms(), request.provisos(), request.reason(), actor, clock.instant());
        licence.persist();
        record(licence, Map.of(), "GRANT", LicenceEventTypes.GRANTED, actor, request.reason());
        return licence;
    }

    /** A manufacturer asks for a licence for its factory; an officer decides later. */
    @Transactional
    public Licence request(NewLicence request, String actor) {
        Licence licence = Licence.requested(UUID.randomUUID().toString(), admissible(request), request.factoryId(),
                request.terms(), request.provisos(), request.reason(), actor, clock.instant());
        licence.persist();
        record(licence, Map.of(), "REQUEST", LicenceEventTypes.REQUESTED, actor, request.reason());
        return licence;
    }

    /** An officer's decision: grant, suspend, reinstate or revoke. */
    @Transactional
    public Licence decide(String id, LicenceAction action, String givenReason, String actor) {
        String reason = givenReason == null || givenReason.isBlank() ? null : givenReason.strip();
        if (reason == null && action.needsReason()) {
            throw ProblemException.invalid("reason", "is required to " + action.name().toLowerCase() + " a licence");
        }
        KnownFactory factory = null;
        if (LicenceLifecycle.putsInForce(action)) {
            // the factory first, then the licence: the order a factory suspension locks them in
            List<String> factoryId = Licence.getEntityManager()
                    .createQuery("select factoryId from Licence where id = ?1", String.class)
                    .setParameter(1, id)
                    .getResultList();
            if (factoryId.isEmpty()) {
                throw ProblemException.notFound("No licence " + id);
            }
            factory = KnownFactory.findById(factoryId.get(0), LockModeType.PESSIMISTIC_READ);
        }
        Licence licence = locked(id);
        Map<String, Object> before = licence.auditView();
        Step step = licence.decide(action, factory == null ? null : factory.status, today(), reason, actor,
                clock.instant());
        if (step instanceof Step.Refused refused) {
            throw ProblemException.conflict("Licence " + id + " cannot be " + pastTense(action) + ": "
                    + refused.reason());
        }
        if (step instanceof Step.Changed changed) {
            record(licence, before, action.name(), changed.eventType(), actor, reason);
            exhaustIfUsedUp(licence, actor);
        }
        return licence;
    }

    @Transactional
    public Licence amend(String id, LicenceAmendment amendment, String actor) {
        Licence licence = locked(id);
        if (!LicenceLifecycle.amendable(licence.status())) {
            throw ProblemException.conflict("Licence " + id + " is " + licence.status()
                    + " and can no longer be amended");
        }
        LicenceTerms current = licence.terms();
        LicenceTerms amended = new LicenceTerms(current.activities(),
                amendment.quantityCap() != null ? amendment.quantityCap() : current.quantityCap(),
                amendment.validFrom() != null ? amendment.validFrom() : current.validFrom(),
                amendment.validTo() != null ? amendment.validTo() : current.validTo(),
                amendment.exportTerritories() != null ? amendment.exportTerritories() : current.exportTerritories(),
                amendment.earlierRevisions() != null ? amendment.earlierRevisions() : current.earlierRevisions());
        List<LicenceTerms.Violation> violations = amended.violationsReplacing(current, licence.unitsConsumed(), today());
        if (!violations.isEmpty()) {
            throw invalid(violations.stream().map(v -> new FieldError(v.field(), v.message())).toList());
        }
        Map<String, Object> before = licence.auditView();
        if (licence.amend(amended, amendment.provisos(), clock.instant())) {
            record(licence, before, "AMEND", LicenceEventTypes.AMENDED, actor, amendment.reason());
        }
        return licence;
    }

    public Licence get(String id, Visibility visibility) {
        Licence licence = Licence.findById(id);
        // another factory's licence is as good as absent: its existence is none of the caller's business
        if (licence == null || !visibility.allows(licence.factoryId())) {
            throw ProblemException.notFound("No licence " + id);
        }
        return licence;
    }

    public List<LicenceAuditRecord> audit(String id, Visibility visibility) {
        get(id, visibility);
        return audit.of(id);
    }

    public Page<Licence> list(LicenceFilter filter, Visibility visibility, PageRequest page) {
        ListFilter matching = ListFilter.where();
        if (!visibility.isAll()) {
            matching.in("factoryId", visibility.factories());
        }
        matching.equal("factoryId", filter.factoryId())
                .equal("technologyCode", filter.technologyCode())
                .equal("status", filter.status());
        return page.fetch(matching,
                (query, parameters) -> Licence.find(query, Sort.by("createdAt").and("id"), parameters));
    }

    /** GRANTED licences whose last valid day is over; the expiry job expires each with {@link #expire}. */
    public List<String> lapsed() {
        return Licence.getEntityManager()
                .createQuery("select id from Licence where status = ?1 and validTo < ?2 order by id", String.class)
                .setParameter(1, LicenceStatus.GRANTED)
                .setParameter(2, today())
                .getResultList();
    }

    /** Expires the licence if it is still GRANTED and lapsed (another replica may have been quicker). */
    @Transactional
    public void expire(String id) {
        Licence licence = locks.one(id).orElse(null);
        if (licence != null && licence.status() == LicenceStatus.GRANTED && licence.validTo().isBefore(today())) {
            apply(licence, licence.auditView(), LicenceAction.EXPIRE, EXPIRY_ACTOR,
                    "validity ended on " + licence.validTo());
        }
    }

    /**
     * A factory's status changed in the local view: its licences follow a suspension, and come back with the
     * reinstatement if nothing else keeps them suspended.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void factoryStatusChanged(String factoryId, FactoryStatus from, FactoryStatus to, String actor) {
        LicenceAction action;
        String reason;
        if (to == FactoryStatus.SUSPENDED && from != FactoryStatus.SUSPENDED) {
            action = LicenceAction.FACTORY_SUSPENDED;
            reason = FACTORY_SUSPENDED_REASON;
        } else if (from == FactoryStatus.SUSPENDED && to == FactoryStatus.ACTIVE) {
            action = LicenceAction.FACTORY_REINSTATED;
            reason = FACTORY_REINSTATED_REASON;
        } else {
            return;
        }
        List<Licence> licences = locks.ofFactory(factoryId, List.of(LicenceStatus.GRANTED, LicenceStatus.SUSPENDED));
        for (Licence licence : licences) {
            if (apply(licence, licence.auditView(), action, actor, reason)) {
                exhaustIfUsedUp(licence, actor);
            }
        }
    }

    /**
     * Records a change of units consumed by output, in the audit trail; a charge that uses up the quota exhausts a
     * GRANTED licence, and that is announced at once. A licence suspended, revoked or expired since the output was
     * made is charged too, and keeps its status. A charge that does not exhaust is announced by
     * {@link #announceConsumption}, once for all the charges of the licence that the caller makes together.
     *
     * @return whether the charge exhausted the licence (and was announced)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean consume(Licence licence, long consumedAfter, boolean exhausts, String actor, String reason) {
        Map<String, Object> before = licence.auditView();
        licence.consume(consumedAfter, clock.instant());
        boolean exhausted = exhausts && apply(licence, before, LicenceAction.EXHAUST, actor,
                reason + "; quota of " + licence.quantityCap() + " units used up");
        if (!exhausted) {
            record(licence, before, "CONSUME_QUOTA", null, actor, reason);
        }
        return exhausted;
    }

    /** LicenceQuotaConsumed: the licence as its charges so far in this transaction left it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceConsumption(Licence licence, String actor) {
        events.emit(LicenceEventTypes.QUOTA_CONSUMED, licence, actor);
    }

    /** A licence back in force whose quota was used up while it was suspended is exhausted there and then. */
    private void exhaustIfUsedUp(Licence licence, String actor) {
        if (licence.inForceWithQuotaUsedUp()) {
            apply(licence, licence.auditView(), LicenceAction.EXHAUST, actor,
                    "quota of " + licence.quantityCap() + " units used up while suspended");
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(config.zone()));
    }

    /** The technology of a new licence whose terms, technology and factory are all it takes; 400 otherwise. */
    private Technology admissible(NewLicence request) {
        List<FieldError> errors = new ArrayList<>();
        Technology technology = Technology.findById(request.technologyCode());
        if (technology == null) {
            errors.add(new FieldError("technologyCode", "is not in the technology catalogue"));
        }
        // shared lock: a suspension of the factory waits for this licence, and then suspends it too
        KnownFactory factory = KnownFactory.findById(request.factoryId(), LockModeType.PESSIMISTIC_READ);
        if (factory == null) {
            errors.add(new FieldError("factoryId", "is not a known factory"));
        } else if (factory.status != FactoryStatus.ACTIVE) {
            errors.add(new FieldError("factoryId", "is " + factory.status + "; only an ACTIVE factory may hold licences"));
        }
        request.terms().violationsWhenNew(today())
                .forEach(v -> errors.add(new FieldError(v.field(), v.message())));
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return technology;
    }

    /**
     * What the calendar, the quota or the factory does to the licence, with its audit record and event when it
     * changes the licence.
     *
     * @param before the licence's audit view before this transaction changed it
     * @return whether the licence changed
     */
    private boolean apply(Licence licence, Map<String, Object> before, LicenceAction action, String actor,
            String reason) {
        if (licence.apply(action, reason, actor, clock.instant()) instanceof Step.Changed changed) {
            record(licence, before, action.name(), changed.eventType(), actor, reason);
            return true;
        }
        return false;
    }

    private void record(Licence licence, Map<String, ?> before, String action, String eventType, String actor,
            String reason) {
        audit.append(licence.id(), actor, action, before, licence.auditView(), reason);
        if (eventType != null) {
            events.emit(eventType, licence, actor);
        }
    }

    /** Locked for the rest of the transaction, so that concurrent changes of one licence take turns. */
    private Licence locked(String id) {
        return locks.one(id).orElseThrow(() -> ProblemException.notFound("No licence " + id));
    }

    private static ProblemException invalid(List<FieldError> errors) {
        return ProblemException.invalid(errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
    }

    private static String pastTense(LicenceAction action) {
        return switch (action) {
            case GRANT -> "granted";
            case SUSPEND -> "suspended";
            case REINSTATE -> "reinstated";
            case REVOKE -> "revoked";
            default -> action.name().toLowerCase();
        };
    }
}
