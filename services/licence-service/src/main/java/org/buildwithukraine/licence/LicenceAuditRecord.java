package org.buildwithukraine.licence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of a licence: who, when, what changed and why. Written once; the database refuses any rewrite. */
@Entity
@Immutable
@Table(name = "licence_audit")
public class LicenceAuditRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    @Column(name = "licence_id", nullable = false)
    public String licenceId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** User name, {@code client:<id>} for a machine client, or {@code system:<job>}. */
    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    /** {@code {"field": {"from": old, "to": new}, ...}} */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String changes;

    public String reason;
}
