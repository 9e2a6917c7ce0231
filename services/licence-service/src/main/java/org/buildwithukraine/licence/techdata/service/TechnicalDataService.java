package org.buildwithukraine.licence.techdata.service;

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
 * transaction. Reads go through {@link TechnicalDataAccess}, on the licences as they stand at the request.
 */
@ApplicationScoped
public class TechnicalDataService {

    private final TechnicalDataEvents events;
    private final Clock clock;
    private final LicenceConfig config;

    public TechnicalDataService(TechnicalDataEvents events, Clock clock, LicenceConfig config) {
        this.events = events;
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

    /** The releases the requester may see, in revision order. */
    public List<TechnicalDataRelease> list(String technologyCode, Requester requester) {
        Technology technology = technology(technologyCode);
        allowedOrThrow(TechnicalDataAccess.toListing(requester, technology.code, licences(technology, requester),
                today()));
        return TechnicalDataRelease.<TechnicalDataRelease>list("technologyCode", Sort.by("sequence"),
                technology.code).stream()
                .filter(release -> TechnicalDataAccess.visible(requester, release.state))
                .toList();
    }

    public TechnicalDataRelease get(String technologyCode, String revision, Requester requester) {
        Technology technology = technology(technologyCode);
        List<HeldLicence> licences = licences(technology, requester);
        TechnicalDataRelease release = TechnicalDataRelease
                .<TechnicalDataRelease>find("technologyCode = ?1 and revision = ?2", technology.code, revision)
                .firstResult();
        if (release == null) {
            // refused before absent, so that an unlicensed caller cannot tell revisions that exist from others
            allowedOrThrow(TechnicalDataAccess.toListing(requester, technology.code, licences, today()));
            throw ProblemException.notFound("No release " + revision + " of " + technology.code);
        }
        allowedOrThrow(TechnicalDataAccess.toRelease(requester, technology.code, release.revision, release.state,
                licences, today()));
        return release;
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

    private static Technology technology(String code) {
        Technology technology = Technology.findById(code);
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
