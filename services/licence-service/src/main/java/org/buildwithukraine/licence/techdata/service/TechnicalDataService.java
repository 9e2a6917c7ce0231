package org.buildwithukraine.licence.techdata.service;

import static org.buildwithukraine.kit.security.Roles.TECHNOLOGY_OFFICER;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.licence.Licence;
import org.buildwithukraine.licence.Technology;
import org.buildwithukraine.licence.service.LicenceConfig;
import org.buildwithukraine.licence.techdata.AccessAttempt;
import org.buildwithukraine.licence.techdata.AccessDecision;
import org.buildwithukraine.licence.techdata.HeldLicence;
import org.buildwithukraine.licence.techdata.ReleaseState;
import org.buildwithukraine.licence.techdata.Requester;
import org.buildwithukraine.licence.techdata.TechnicalDataAccess;
import org.buildwithukraine.licence.techdata.TechnicalDataRelease;
import org.buildwithukraine.licence.techdata.messaging.TechnicalDataEvents;

import io.quarkus.panache.common.Sort;

/**
 * The technical data releases of the catalogue's technologies. Every change locks the technology first, so
 * that revisions are numbered and superseded one change at a time, and records its event in the same
 * transaction. Reads go through {@link TechnicalDataAccess}, on the licences as they stand at the request, and
 * each one, allowed or refused, is put on record by {@link AccessRecords}.
 */
@ApplicationScoped
public class TechnicalDataService {

    private final TechnicalDataEvents events;
    private final AccessRecords records;
    private final Clock clock;
    private final LicenceConfig config;

    public TechnicalDataService(TechnicalDataEvents events, AccessRecords records, Clock clock,
            LicenceConfig config) {
        this.events = events;
        this.records = records;
        this.clock = clock;
        this.config = config;
    }

    /** A new DRAFT, the technology's next revision. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TechnicalDataRelease draft(String technologyCode, String notes, String actor) {
        Technology technology = lockedTechnology(technologyCode);
        Integer last = TechnicalDataRelease.getEntityManager()
                .createQuery("select max(sequence) from TechnicalDataRelease where technologyCode = ?1",
                        Integer.class)
                .setParameter(1, technologyCode)
                .getSingleResult();
        TechnicalDataRelease release = TechnicalDataRelease.draft(technology.code, technology.controlListEntry,
                last == null ? 1 : last + 1, notes, actor, clock.instant());
        release.persist();
        return release;
    }

    /** Releases a DRAFT; the revision released before it, if any, is superseded. */
    @Transactional
    public TechnicalDataRelease release(String technologyCode, String revision, String actor) {
        lockedTechnology(technologyCode);
        TechnicalDataRelease release = existing(technologyCode, revision);
        Instant now = clock.instant();
        TechnicalDataRelease current = TechnicalDataRelease
                .<TechnicalDataRelease>find("technologyCode = ?1 and state = ?2", technologyCode,
                        ReleaseState.RELEASED)
                .firstResult();
        release.release(actor, now);
        if (current != null) {
            current.supersede(release, now);
        }
        events.released(release, actor);
        return release;
    }

    @Transactional
    public TechnicalDataRelease withdraw(String technologyCode, String revision, String reason, String actor) {
        lockedTechnology(technologyCode);
        TechnicalDataRelease release = existing(technologyCode, revision);
        release.withdraw(reason, actor, clock.instant());
        events.withdrawn(release, actor);
        return release;
    }

    /** The releases the requester may see, in revision order; the attempt is on record, allowed or not. */
    public List<TechnicalDataRelease> list(String technologyCode, Requester requester, String actor,
            String requestId) {
        Technology technology = Technology.findById(technologyCode);
        List<HeldLicence> licences = technology == null ? List.of() : licences(technology, requester);
        AccessDecision decision = technology == null ? noTechnology(technologyCode)
                : TechnicalDataAccess.toListing(requester, technology.code, licences, today());
        records.listing(technologyCode, decision, attempt(requester, decision, licences, actor, requestId));
        allowedOrThrow(decision);
        return TechnicalDataRelease.<TechnicalDataRelease>list("technologyCode", Sort.by("sequence"),
                technology.code).stream()
                .filter(release -> TechnicalDataAccess.visible(requester, release.state))
                .toList();
    }

    /** One release's metadata as far as the requester may see it; the attempt is on record, allowed or not. */
    public TechnicalDataRelease get(String technologyCode, String revision, Requester requester, String actor,
            String requestId) {
        Technology technology = Technology.findById(technologyCode);
        List<HeldLicence> licences = technology == null ? List.of() : licences(technology, requester);
        TechnicalDataRelease release = technology == null ? null : TechnicalDataRelease
                .<TechnicalDataRelease>find("technologyCode = ?1 and revision = ?2", technology.code, revision)
                .firstResult();
        AccessDecision decision;
        if (technology == null) {
            decision = noTechnology(technologyCode);
        } else if (release == null) {
            // refused before absent, so that an unlicensed caller cannot tell revisions that exist from others
            decision = TechnicalDataAccess.toListing(requester, technology.code, licences, today());
            if (decision instanceof AccessDecision.Allowed) {
                decision = new AccessDecision.Refused(404, "No release " + revision + " of " + technology.code,
                        decision.licenceId());
            }
        } else {
            decision = TechnicalDataAccess.toRelease(requester, technology.code, release.revision, release.state,
                    licences, today());
        }
        records.read(technologyCode, revision, decision, attempt(requester, decision, licences, actor, requestId));
        allowedOrThrow(decision);
        return release;
    }

    /**
     * The access record's view of the requester: an officer acts for no factory; a manufacturer for the factory
     * of the licence decided on, or, without one, the factory its token names if it names just one.
     */
    private static AccessAttempt attempt(Requester requester, AccessDecision decision, List<HeldLicence> licences,
            String actor, String requestId) {
        String factoryId = null;
        if (!requester.roles().contains(TECHNOLOGY_OFFICER)) {
            if (decision.licenceId() != null) {
                factoryId = licences.stream().filter(licence -> licence.id().equals(decision.licenceId()))
                        .map(HeldLicence::factoryId).findFirst().orElseThrow();
            } else if (requester.factories().size() == 1) {
                factoryId = requester.factories().iterator().next();
            }
        }
        return new AccessAttempt(actor, factoryId, requestId);
    }

    private static AccessDecision noTechnology(String code) {
        return new AccessDecision.Refused(404, "No technology " + code);
    }

    private List<HeldLicence> licences(Technology technology, Requester requester) {
        if (requester.factories().isEmpty()) {
            return List.of();
        }
        return Licence.<Licence>list("technologyCode = ?1 and factoryId in ?2", technology.code,
                requester.factories()).stream()
                .map(l -> new HeldLicence(l.id, l.factoryId, l.status, l.activities, l.validFrom, l.validTo,
                        l.remainingQuota()))
                .toList();
    }

    private static void allowedOrThrow(AccessDecision decision) {
        if (decision instanceof AccessDecision.Refused refused) {
            throw refused.status() == 404 ? ProblemException.notFound(refused.reason())
                    : ProblemException.forbidden(refused.reason());
        }
    }

    private Technology lockedTechnology(String code) {
        Technology technology = Technology.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (technology == null) {
            throw ProblemException.notFound("No technology " + code);
        }
        return technology;
    }

    private static TechnicalDataRelease existing(String technologyCode, String revision) {
        TechnicalDataRelease release = TechnicalDataRelease
                .<TechnicalDataRelease>find("technologyCode = ?1 and revision = ?2", technologyCode, revision)
                .firstResult();
        if (release == null) {
            throw ProblemException.notFound("No release " + revision + " of " + technologyCode);
        }
        return release;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(config.zone()));
    }
}
