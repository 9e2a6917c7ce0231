package org.buildwithukraine.licence.techdata;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One attempt to reach a technology's technical data and what the access rule answered. Written once, through
 * {@link #of}; the database refuses any rewrite.
 */
@Entity
@Immutable
@Table(name = "technical_data_access")
public class TechnicalDataAccessRecord extends PanacheEntityBase {

    public enum Outcome {
        ALLOWED, REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** User name, or {@code client:<id>} for a machine client. */
    @Column(nullable = false)
    public String actor;

    /** The factory the access went through; null for officers and for callers acting for no factory. */
    @Column(name = "factory_id")
    public String factoryId;

    /** The licence the access rule decided on; null for officers and for factories holding none. */
    @Column(name = "licence_id")
    public String licenceId;

    @Column(name = "technology_code", nullable = false)
    public String technologyCode;

    /** The revision asked for; null for a listing. */
    public String revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccessAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    /** The HTTP status the caller was answered: 200 when allowed (201 for a first acknowledgement), or the refusal's 403, 404 or 409. */
    @Column(nullable = false)
    public int status;

    /** Why the access was refused; null when allowed. */
    public String reason;

    /** The gateway's {@code X-Request-Id}, so that the record can be matched with the gateway's log. */
    @Column(name = "request_id", nullable = false)
    public String requestId;

    /** The file asked for by a download; null for other actions. */
    @Column(name = "file_name")
    public String fileName;

    /** The SHA-256 (lower-case hex) of the bytes a download served; null when refused and for other actions. */
    public String digest;

    /** The id an allowed download's answer carried ({@code X-Download-Id}) and a stamped PDF bears. */
    @Column(name = "download_id")
    public UUID downloadId;

    /** The record of a listing of {@code technologyCode}'s releases. */
    public static TechnicalDataAccessRecord ofListing(String technologyCode, AccessDecision decision,
            AccessAttempt attempt, Instant at) {
        return of(AccessAction.LIST, technologyCode, null, decision, attempt, at);
    }

    /** The record of a read of one release's metadata. */
    public static TechnicalDataAccessRecord ofRead(String technologyCode, String revision, AccessDecision decision,
            AccessAttempt attempt, Instant at) {
        return of(AccessAction.READ, technologyCode, revision, decision, attempt, at);
    }

    /**
     * The record of an acknowledgement of one release's export-control notice; {@code first}: the person's first
     * for the release, which the API answers 201 (a repeat 200).
     */
    public static TechnicalDataAccessRecord ofAcknowledgement(String technologyCode, String revision,
            AccessDecision decision, boolean first, AccessAttempt attempt, Instant at) {
        TechnicalDataAccessRecord entry = of(AccessAction.ACKNOWLEDGE, technologyCode, revision, decision, attempt, at);
        if (first && entry.outcome == Outcome.ALLOWED) {
            entry.status = 201;
        }
        return entry;
    }

    /** The record of a refused download of a file: nothing was served. */
    public static TechnicalDataAccessRecord ofRefusedDownload(String technologyCode, String revision,
            String fileName, AccessDecision.Refused decision, AccessAttempt attempt, Instant at) {
        TechnicalDataAccessRecord entry = of(AccessAction.DOWNLOAD, technologyCode, revision, decision, attempt, at);
        entry.fileName = fileName;
        return entry;
    }

    /** The record of a download that served bytes of SHA-256 {@code digest} under {@code downloadId}. */
    public static TechnicalDataAccessRecord ofDownload(String technologyCode, String revision, String fileName,
            AccessDecision.Allowed decision, String digest, UUID downloadId, AccessAttempt attempt, Instant at) {
        TechnicalDataAccessRecord entry = of(AccessAction.DOWNLOAD, technologyCode, revision, decision, attempt, at);
        entry.fileName = fileName;
        entry.digest = digest;
        entry.downloadId = downloadId;
        return entry;
    }

    private static TechnicalDataAccessRecord of(AccessAction action, String technologyCode, String revision,
            AccessDecision decision, AccessAttempt attempt, Instant at) {
        TechnicalDataAccessRecord entry = new TechnicalDataAccessRecord();
        entry.recordedAt = at;
        entry.actor = attempt.actor();
        entry.factoryId = attempt.factoryId();
        entry.requestId = attempt.requestId();
        entry.technologyCode = technologyCode;
        entry.revision = revision;
        entry.action = action;
        entry.licenceId = decision.licenceId();
        if (decision instanceof AccessDecision.Refused refused) {
            entry.outcome = Outcome.REFUSED;
            entry.status = refused.status();
            entry.reason = refused.reason();
        } else {
            entry.outcome = Outcome.ALLOWED;
            entry.status = 200;
        }
        return entry;
    }
}
