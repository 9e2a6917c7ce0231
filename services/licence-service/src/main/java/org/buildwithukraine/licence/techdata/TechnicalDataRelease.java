package org.buildwithukraine.licence.techdata;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.buildwithukraine.events.licence.TechnicalDataReleaseSnapshot;
import org.buildwithukraine.kit.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One revision of a technology's technical data. Created as a DRAFT; released (which supersedes the revision
 * released before it); withdrawn with a reason. Every other move is refused as a conflict.
 */
@Entity
@Table(name = "technical_data_release")
public class TechnicalDataRelease extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "technology_code", nullable = false, updatable = false)
    public String technologyCode;

    /** 1 for revision A, 2 for B, …: the order of the revisions. */
    @Column(nullable = false, updatable = false)
    public int sequence;

    @Column(nullable = false, updatable = false)
    public String revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReleaseState state;

    /** The export-control marking every copy carries, e.g. "EU ML10 — export controlled". */
    @Column(nullable = false, updatable = false)
    public String marking;

    @Column(nullable = false)
    public String notes;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "released_by")
    public String releasedBy;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_reason")
    public String withdrawnReason;

    @Version
    public long version;

    /** The next revision of a technology whose control-list entry is {@code controlListEntry}. */
    public static TechnicalDataRelease draft(String technologyCode, String controlListEntry, int sequence,
            String notes, String by, Instant at) {
        TechnicalDataRelease release = new TechnicalDataRelease();
        release.id = UUID.randomUUID();
        release.technologyCode = technologyCode;
        release.sequence = sequence;
        release.revision = Revision.letters(sequence);
        release.state = ReleaseState.DRAFT;
        release.marking = marking(controlListEntry);
        release.notes = notes;
        release.createdBy = by;
        release.createdAt = at;
        return release;
    }

    public static String marking(String controlListEntry) {
        return "EU " + controlListEntry + " — export controlled";
    }

    public void release(String by, Instant at) {
        refuseUnless(ReleaseState.DRAFT, "released");
        state = ReleaseState.RELEASED;
        releasedBy = by;
        releasedAt = at;
    }

    /** This RELEASED revision gives way to {@code successor}, which must be a later one. */
    public void supersede(TechnicalDataRelease successor, Instant at) {
        refuseUnless(ReleaseState.RELEASED, "superseded");
        if (successor.sequence <= sequence) {
            throw ProblemException.conflict("Release " + successor.revision + " of " + technologyCode
                    + " cannot be released: the later revision " + revision + " is RELEASED");
        }
        state = ReleaseState.SUPERSEDED;
        supersededAt = at;
    }

    /** A released revision (current or superseded) is taken back; a DRAFT was never released. */
    public void withdraw(String reason, String by, Instant at) {
        if (state != ReleaseState.RELEASED && state != ReleaseState.SUPERSEDED) {
            throw refusal("withdrawn", "only a RELEASED or SUPERSEDED one can be");
        }
        state = ReleaseState.WITHDRAWN;
        withdrawnReason = reason;
        withdrawnBy = by;
        withdrawnAt = at;
    }

    /**
     * The export-control notice a manufacturer acknowledges before the first download of this release's files.
     */
    public String notice() {
        return "Release " + revision + " of " + technologyCode + " is technical data marked \"" + marking
                + "\". It is made available to you for the production its licence permits, at the licensed "
                + "factory only: do not pass it on, copy it or take it elsewhere without the authorisation its "
                + "export control requires. Every download is on record, and each PDF copy carries your name, "
                + "your factory and its download id.";
    }

    /** A released revision's files never change; a DRAFT's may be added, replaced and removed. */
    public void refuseFileChangesUnlessDraft() {
        if (state != ReleaseState.DRAFT) {
            throw ProblemException.conflict("The files of release " + revision + " of " + technologyCode
                    + " cannot change: it is " + state + " and only a DRAFT's can");
        }
    }

    public TechnicalDataReleaseSnapshot snapshot() {
        return new TechnicalDataReleaseSnapshot(technologyCode, revision, state.name(), marking, notes, releasedBy,
                releasedAt, withdrawnBy, withdrawnAt, withdrawnReason);
    }

    private void refuseUnless(ReleaseState expected, String pastTense) {
        if (state != expected) {
            throw refusal(pastTense, "only a " + expected + " one can be");
        }
    }

    private ProblemException refusal(String pastTense, String why) {
        return ProblemException.conflict("Release " + revision + " of " + technologyCode + " cannot be " + pastTense
                + ": it is " + state + " and " + why);
    }
}
