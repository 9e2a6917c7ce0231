package org.buildwithukraine.licence.techdata;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person's acknowledgement of a release's export-control notice, which their downloads of its files need:
 * written once, with the notice as it was shown; the database refuses any rewrite.
 */
@Entity
@Immutable
@Table(name = "technical_data_acknowledgement")
public class TechnicalDataAcknowledgement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    @Column(name = "release_id", nullable = false)
    public UUID releaseId;

    @Column(name = "technology_code", nullable = false)
    public String technologyCode;

    @Column(nullable = false)
    public String revision;

    /** The licence the access rule allowed the acknowledgement on. */
    @Column(name = "licence_id", nullable = false)
    public String licenceId;

    @Column(name = "factory_id", nullable = false)
    public String factoryId;

    @Column(name = "acknowledged_by", nullable = false)
    public String acknowledgedBy;

    @Column(name = "acknowledged_at", nullable = false)
    public Instant acknowledgedAt;

    @Column(nullable = false)
    public String notice;

    public static TechnicalDataAcknowledgement of(TechnicalDataRelease release, String licenceId, String factoryId,
            String by, Instant at) {
        TechnicalDataAcknowledgement acknowledgement = new TechnicalDataAcknowledgement();
        acknowledgement.releaseId = release.id;
        acknowledgement.technologyCode = release.technologyCode;
        acknowledgement.revision = release.revision;
        acknowledgement.licenceId = licenceId;
        acknowledgement.factoryId = factoryId;
        acknowledgement.acknowledgedBy = by;
        acknowledgement.acknowledgedAt = at;
        acknowledgement.notice = release.notice();
        return acknowledgement;
    }

    public static TechnicalDataAcknowledgement by(TechnicalDataRelease release, String person) {
        return find("releaseId = ?1 and acknowledgedBy = ?2", release.id, person).firstResult();
    }
}
