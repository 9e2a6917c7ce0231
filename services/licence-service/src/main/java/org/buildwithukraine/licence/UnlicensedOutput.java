package org.buildwithukraine.licence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.buildwithukraine.events.licence.UnlicensedOutputRecorded;
import org.buildwithukraine.events.licence.UnlicensedOutputRecorded.UnlicensedReason;
import org.buildwithukraine.events.line.OutputReported;
import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Good units of one output report that no licence covered when they were observed: production outside the
 * programme's control, accepted because it happened, and kept for the technology officers. Written once.
 */
@Entity
@Immutable
@Table(name = "unlicensed_output")
public class UnlicensedOutput extends PanacheEntityBase {

    /** The OutputReported event the units came with. */
    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "line_id", nullable = false)
    public String lineId;

    public String region;

    @Column(name = "factory_id", nullable = false)
    public String factoryId;

    @Column(name = "technology_code", nullable = false)
    public String technologyCode;

    @Column(name = "report_id", nullable = false)
    public String reportId;

    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;

    @Column(name = "good_units", nullable = false)
    public long goodUnits;

    @Column(name = "unlicensed_units", nullable = false)
    public long unlicensedUnits;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnlicensedReason reason;

    /** Who reported the output (the line's manufacturer or MES). */
    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static UnlicensedOutput of(UUID eventId, OutputReported output, long unlicensedUnits,
            UnlicensedReason reason, String reportedBy, Instant recordedAt) {
        UnlicensedOutput record = new UnlicensedOutput();
        record.eventId = eventId;
        record.lineId = output.lineId();
        record.region = output.region();
        record.factoryId = output.factoryId();
        record.technologyCode = output.technologyCode();
        record.reportId = output.reportId();
        record.observedAt = output.observedAt();
        record.goodUnits = output.goodUnits();
        record.unlicensedUnits = unlicensedUnits;
        record.reason = reason;
        record.reportedBy = reportedBy;
        record.recordedAt = recordedAt;
        return record;
    }

    public UnlicensedOutputRecorded event() {
        return new UnlicensedOutputRecorded(eventId, lineId, region, factoryId, technologyCode, reportId, observedAt,
                goodUnits, unlicensedUnits, reason);
    }
}
