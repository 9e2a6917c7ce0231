package org.buildwithukraine.licence.techdata.service;

import static org.buildwithukraine.kit.security.Roles.TECHNOLOGY_OFFICER;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.kit.web.ContentDigest;
import org.buildwithukraine.licence.Licence;
import org.buildwithukraine.licence.Technology;
import org.buildwithukraine.licence.service.LicenceConfig;
import org.buildwithukraine.licence.techdata.AccessAttempt;
import org.buildwithukraine.licence.techdata.AccessDecision;
import org.buildwithukraine.licence.techdata.HeldLicence;
import org.buildwithukraine.licence.techdata.ReleaseState;
import org.buildwithukraine.licence.techdata.Requester;
import org.buildwithukraine.licence.techdata.TechnicalDataAccess;
import org.buildwithukraine.licence.techdata.TechnicalDataAcknowledgement;
import org.buildwithukraine.licence.techdata.TechnicalDataFile;
import org.buildwithukraine.licence.techdata.TechnicalDataRelease;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * The technical data releases of the catalogue's technologies. Every change locks the technology first, so
 * that revisions are numbered and superseded one change at a time, and records its event in the same
 * transaction. Reads go through {@link TechnicalDataAccess}, on the licences as they stand at the request, and
 * each one, allowed or refused, is put on record by {@link AccessRecords}. File contents go through
 * {@link FileContents} a chunk at a time.
 */
@ApplicationScoped
public class TechnicalDataService {

    private final TechnicalDataEvents events;
    private final AccessRecords records;
    private final Clock clock;
    private final LicenceConfig config;
    private final FileContents contents;
    private final TechnicalDataConfig fileConfig;

    public TechnicalDataService(TechnicalDataEvents events, AccessRecords records, Clock clock,
            LicenceConfig config, FileContents contents, TechnicalDataConfig fileConfig) {
        this.events = events;
        this.records = records;
        this.clock = clock;
        this.config = config;
        this.contents = contents;
        this.fileConfig = fileConfig;
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
        records.listing(technologyCode, decision, attempt(requester, licences, decision, actor, requestId));
        allowedOrThrow(decision);
        return TechnicalDataRelease.<TechnicalDataRelease>list("technologyCode", Sort.by("sequence"),
                technology.code).stream()
                .filter(release -> TechnicalDataAccess.visible(requester, release.state, licences, today()))
                .toList();
    }

    /** One release's metadata as far as the requester may see it; the attempt is on record, allowed or not. */
    public TechnicalDataRelease get(String technologyCode, String revision, Requester requester, String actor,
            String requestId) {
        Reach reach = reach(technologyCode, revision, requester, (release, licences) -> TechnicalDataAccess
                .toRelease(requester, release.technologyCode, release.revision, release.state, licences, today()));
        records.read(technologyCode, revision, reach.decision(), attempt(requester, reach, actor, requestId));
        allowedOrThrow(reach.decision());
        return reach.release();
    }

    /** The person's acknowledgement of the release's notice, if they gave one. */
    public Optional<TechnicalDataAcknowledgement> acknowledgement(TechnicalDataRelease release, String person) {
        return Optional.ofNullable(TechnicalDataAcknowledgement.by(release, person));
    }

    /** The files of a release, in name order. */
    public List<TechnicalDataFile> files(TechnicalDataRelease release) {
        return TechnicalDataFile.of(release);
    }

    /**
     * Stores {@code body} as file {@code name} of a DRAFT, replacing the file of that name if there is one, in a
     * transaction of its own that lasts as long as the body takes (up to the upload timeout): a body over the size
     * limit (413), whose SHA-256 is not {@code expectedSha256} (400), or a PDF that cannot be stamped (400) keeps
     * nothing. The technology stays locked meanwhile, so that the release cannot be released under the upload.
     */
    public Upload upload(String technologyCode, String revision, String name, String mediaType,
            byte[] expectedSha256, InputStream body, String actor) {
        return QuarkusTransaction.requiringNew().timeout((int) fileConfig.uploadTimeout().toSeconds()).call(() -> {
            lockedTechnology(technologyCode);
            TechnicalDataRelease release = existing(technologyCode, revision);
            release.refuseFileChangesUnlessDraft();
            UUID id = UUID.randomUUID();
            boolean pdf = TechnicalDataFile.PDF.equals(mediaType);
            Path copy = pdf ? Files.createTempFile("bwu-upload-", ".pdf") : null;
            FileContents.Received received;
            try {
                try (OutputStream out = copy == null ? OutputStream.nullOutputStream()
                        : new BufferedOutputStream(Files.newOutputStream(copy))) {
                    received = contents.write(id, body, fileConfig.maxFileSize().asLongValue(), out);
                }
                if (!MessageDigest.isEqual(received.sha256(), expectedSha256)) {
                    throw ProblemException.invalid(ContentDigest.HEADER, "does not match the body, whose SHA-256 is "
                            + ContentDigest.ofSha256(received.sha256()));
                }
                if (pdf && !PdfStamp.stampable(copy)) {
                    throw ProblemException.invalid("body", "is not a PDF that can be stamped (unreadable, encrypted "
                            + "or without pages); upload it as " + TechnicalDataFile.PDF + " only if it is one");
                }
            } finally {
                if (copy != null) {
                    Files.deleteIfExists(copy);
                }
            }
            TechnicalDataFile previous = TechnicalDataFile.named(release, name);
            if (previous != null) {
                // a bulk delete runs at once, before the new row of the same name is written
                TechnicalDataFile.delete("id", previous.id);
            }
            TechnicalDataFile file = TechnicalDataFile.of(id, release, name, mediaType, received.size(),
                    HexFormat.of().formatHex(received.sha256()), actor, clock.instant());
            file.persist();
            return new Upload(file, previous == null);
        });
    }

    /** Removes file {@code name} of a DRAFT. */
    @Transactional
    public void deleteFile(String technologyCode, String revision, String name) {
        lockedTechnology(technologyCode);
        TechnicalDataRelease release = existing(technologyCode, revision);
        release.refuseFileChangesUnlessDraft();
        TechnicalDataFile file = TechnicalDataFile.named(release, name);
        if (file == null) {
            throw ProblemException.notFound("No file " + name + " in release " + revision + " of " + technologyCode);
        }
        TechnicalDataFile.delete("id", file.id);
    }

    /**
     * The requester acknowledges the release's export-control notice, once per person and release (a repeat
     * answers the first acknowledgement); allowed as a read is, and on record either way.
     */
    @Transactional
    public Acknowledgement acknowledge(String technologyCode, String revision, Requester requester, String actor,
            String requestId) {
        Reach reach = reach(technologyCode, revision, requester, (release, licences) -> TechnicalDataAccess
                .toRelease(requester, release.technologyCode, release.revision, release.state, licences, today()));
        AccessAttempt attempt = attempt(requester, reach, actor, requestId);
        TechnicalDataAcknowledgement earlier = reach.decision() instanceof AccessDecision.Allowed
                ? TechnicalDataAcknowledgement.by(reach.release(), actor) : null;
        records.acknowledgement(technologyCode, revision, reach.decision(), earlier == null, attempt);
        allowedOrThrow(reach.decision());
        if (earlier != null) {
            return new Acknowledgement(earlier, false);
        }
        TechnicalDataAcknowledgement acknowledgement = TechnicalDataAcknowledgement.of(reach.release(),
                reach.decision().licenceId(), attempt.factoryId(), actor, clock.instant());
        // flushed here, so that a concurrent first acknowledgement of the same person loses with a 409, not at commit
        acknowledgement.persistAndFlush();
        return new Acknowledgement(acknowledgement, true);
    }

    /**
     * One file of a release for the requester: refused as a read is, and for a manufacturer who has not
     * acknowledged the release's notice (409); a PDF stamped with the factory, the person and the download's id,
     * every other file as it was uploaded. The attempt is on record with what is served, before it is served.
     */
    public Download download(String technologyCode, String revision, String name, Requester requester,
            String actor, String requestId) {
        Reach reach = reach(technologyCode, revision, requester, (release, licences) -> TechnicalDataAccess
                .toDownload(requester, release.technologyCode, release.revision, release.state, release.marking,
                        TechnicalDataAcknowledgement.by(release, actor) != null, licences, today()));
        TechnicalDataFile file = reach.decision() instanceof AccessDecision.Allowed
                ? TechnicalDataFile.named(reach.release(), name) : null;
        AccessDecision decision = reach.decision() instanceof AccessDecision.Allowed && file == null
                ? new AccessDecision.Refused(404, "No file " + name + " in release " + revision + " of "
                        + technologyCode, reach.decision().licenceId())
                : reach.decision();
        AccessAttempt attempt = attempt(requester, reach.licences(), decision, actor, requestId);
        if (decision instanceof AccessDecision.Refused refused) {
            records.refusedDownload(technologyCode, revision, name, refused, attempt);
            allowedOrThrow(refused);
        }
        UUID downloadId = UUID.randomUUID();
        Download download = file.isPdf() ? stamped(reach.release(), file, attempt, downloadId)
                : Download.asStored(file, downloadId, contents);
        try {
            records.download(technologyCode, revision, name, (AccessDecision.Allowed) decision,
                    HexFormat.of().formatHex(download.sha256()), downloadId, attempt);
        } catch (RuntimeException e) {
            download.discard();
            throw e;
        }
        return download;
    }

    private Download stamped(TechnicalDataRelease release, TechnicalDataFile file, AccessAttempt attempt,
            UUID downloadId) {
        String factory = attempt.factoryId() == null ? "none (technology officer)" : attempt.factoryId();
        Instant now = clock.instant();
        try {
            Path original = Files.createTempFile("bwu-download-", ".pdf");
            Path copy = Files.createTempFile("bwu-stamped-", ".pdf");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(original))) {
                    contents.copyTo(file.id, out);
                }
                byte[] sha256 = PdfStamp.stamp(original, copy, List.of(
                        release.marking + " - " + release.technologyCode + " revision " + release.revision
                                + " - " + file.name,
                        "Downloaded by " + attempt.actor() + " for factory " + factory + " at " + now,
                        "Download id " + downloadId),
                        Map.of("BwU-Download-Id", downloadId.toString(), "BwU-Downloaded-By", attempt.actor(),
                                "BwU-Factory", factory, "BwU-Marking", release.marking));
                return Download.ofTemporaryFile(file, copy, sha256, downloadId);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(copy);
                throw e;
            } finally {
                Files.deleteIfExists(original);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("File " + file.name + " could not be stamped", e);
        }
    }

    /** A release as a requester reaches it, and what the access rule says about it. */
    private record Reach(TechnicalDataRelease release, List<HeldLicence> licences, AccessDecision decision) {
    }

    /**
     * The release and the rule's decision on it; refused before absent, so that an unlicensed caller cannot tell
     * revisions that exist from others.
     */
    private Reach reach(String technologyCode, String revision, Requester requester,
            BiFunction<TechnicalDataRelease, List<HeldLicence>, AccessDecision> rule) {
        Technology technology = Technology.findById(technologyCode);
        if (technology == null) {
            return new Reach(null, List.of(), noTechnology(technologyCode));
        }
        List<HeldLicence> licences = licences(technology, requester);
        TechnicalDataRelease release = TechnicalDataRelease
                .<TechnicalDataRelease>find("technologyCode = ?1 and revision = ?2", technology.code, revision)
                .firstResult();
        if (release != null) {
            return new Reach(release, licences, rule.apply(release, licences));
        }
        AccessDecision decision = TechnicalDataAccess.toListing(requester, technology.code, licences, today());
        if (decision instanceof AccessDecision.Allowed) {
            decision = new AccessDecision.Refused(404, "No release " + revision + " of " + technology.code,
                    decision.licenceId());
        }
        return new Reach(null, licences, decision);
    }

    private static AccessAttempt attempt(Requester requester, Reach reach, String actor, String requestId) {
        return attempt(requester, reach.licences(), reach.decision(), actor, requestId);
    }

    /**
     * The access record's view of the requester: an officer acts for no factory; a manufacturer for the factory
     * of the licence decided on, or, without one, the factory its token names if it names just one.
     */
    private static AccessAttempt attempt(Requester requester, List<HeldLicence> licences, AccessDecision decision,
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
                .map(l -> new HeldLicence(l.id(), l.factoryId(), l.status(), l.activities(), l.validFrom(),
                        l.validTo(), l.remainingQuota(), l.earlierRevisions()))
                .toList();
    }

    private static void allowedOrThrow(AccessDecision decision) {
        if (decision instanceof AccessDecision.Refused refused) {
            throw switch (refused.status()) {
                case 404 -> ProblemException.notFound(refused.reason());
                case 409 -> ProblemException.conflict(refused.reason());
                default -> ProblemException.forbidden(refused.reason());
            };
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
