package org.buildwithukraine.line;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of a line's registration: who, when, before and after. Written once; the database refuses rewrites. */
@Entity
@Immutable
@Table(name = "line_change")
public class LineChangeRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "line_id", nullable = false)
    public String lineId;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** User name, or {@code client:<id>} for a machine client. */
    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    /** Null for the line's registration. */
    @Column(name = "factory_id_before")
    public String factoryIdBefore;

    @Column(name = "technology_code_before")
    public String technologyCodeBefore;

    @Column(name = "nominal_capacity_before")
    public Integer nominalCapacityBefore;

    @Column(name = "factory_id_after", nullable = false)
    public String factoryIdAfter;

    @Column(name = "technology_code_after", nullable = false)
    public String technologyCodeAfter;

    @Column(name = "nominal_capacity_after", nullable = false)
    public int nominalCapacityAfter;

    public static LineChangeRecord of(LineChange change, String actor, Instant at) {
        LineChangeRecord record = new LineChangeRecord();
        record.lineId = change.lineId();
        record.changedAt = at;
        record.changedBy = actor;
        if (change.before() != null) {
            record.factoryIdBefore = change.before().factoryId();
            record.technologyCodeBefore = change.before().technologyCode();
            record.nominalCapacityBefore = change.before().nominalCapacityPerDay();
        }
        record.factoryIdAfter = change.after().factoryId();
        record.technologyCodeAfter = change.after().technologyCode();
        record.nominalCapacityAfter = change.after().nominalCapacityPerDay();
        return record;
    }

    public LineDefinition before() {
        return factoryIdBefore == null ? null
                : new LineDefinition(factoryIdBefore, technologyCodeBefore, nominalCapacityBefore);
    }

    public LineDefinition after() {
        return new LineDefinition(factoryIdAfter, technologyCodeAfter, nominalCapacityAfter);
    }
}
