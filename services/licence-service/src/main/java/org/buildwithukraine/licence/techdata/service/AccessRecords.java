package org.buildwithukraine.licence.techdata.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.licence.techdata.AccessAttempt;
import org.buildwithukraine.licence.techdata.AccessDecision;
import org.buildwithukraine.licence.techdata.TechnicalDataAccessRecord;

import io.quarkus.panache.common.Sort;

/** The record of every access to technical data: appended as the access rule decides, read newest first. */
@ApplicationScoped
public class AccessRecords {

    private static final Sort NEWEST_FIRST = Sort.descending("position");

    private final Clock clock;

    public AccessRecords(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records a listing in a transaction of its own: a refusal ends the request with a ProblemException, which
     * rolls back whatever transaction the request runs in, and the record of a refused attempt must outlive it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void listing(String technologyCode, AccessDecision decision, AccessAttempt attempt) {
        TechnicalDataAccessRecord.ofListing(technologyCode, decision, attempt, clock.instant()).persist();
    }

    /** Records a read of one release's metadata, in a transaction of its own as {@link #listing} does. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void read(String technologyCode, String revision, AccessDecision decision, AccessAttempt attempt) {
        TechnicalDataAccessRecord.ofRead(technologyCode, revision, decision, attempt, clock.instant()).persist();
    }

    /** Records an acknowledgement of a release's notice, in a transaction of its own as {@link #listing} does. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void acknowledgement(String technologyCode, String revision, AccessDecision decision, boolean first,
            AccessAttempt attempt) {
        TechnicalDataAccessRecord.ofAcknowledgement(technologyCode, revision, decision, first, attempt, clock.instant())
                .persist();
    }

    /** Records a download refused before any byte was served, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refusedDownload(String technologyCode, String revision, String fileName,
            AccessDecision.Refused decision, AccessAttempt attempt) {
        TechnicalDataAccessRecord.ofRefusedDownload(technologyCode, revision, fileName, decision, attempt,
                clock.instant()).persist();
    }

    /** Records a download about to serve bytes of SHA-256 {@code digest} (hex) under {@code downloadId}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void download(String technologyCode, String revision, String fileName, AccessDecision.Allowed decision,
            String digest, UUID downloadId, AccessAttempt attempt) {
        TechnicalDataAccessRecord.ofDownload(technologyCode, revision, fileName, decision, digest, downloadId,
                attempt, clock.instant()).persist();
    }

    public Page<TechnicalDataAccessRecord> ofTechnology(String technologyCode, PageRequest page) {
        return page.fetch(TechnicalDataAccessRecord.find("technologyCode", NEWEST_FIRST, technologyCode));
    }

    public Page<TechnicalDataAccessRecord> ofLicence(String licenceId, PageRequest page) {
        return page.fetch(TechnicalDataAccessRecord.find("licenceId", NEWEST_FIRST, licenceId));
    }
}
