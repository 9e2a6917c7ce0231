package org.buildwithukraine.line;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;

import org.hibernate.annotations.BatchSize;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One status report as received, kept for ever: it is the line's history, the input of OEE, and (with its
 * attributions) the answer repeated when the same report id arrives again.
 */
@Entity
@Table(name = "status_report")
public class StatusReport extends PanacheEntityBase {

    /** Drawn in blocks from the column's sequence (V3), so that a batch of reports is inserted in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "status_report_id")
    @SequenceGenerator(name = "status_report_id", sequenceName = "status_report_id_seq", allocationSize = 100)
    public Long id;

    @Column(name = "line_id", nullable = false)
    public String lineId;

    @Column(name = "report_id", nullable = false)
    public String reportId;

    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LineState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "downtime_reason")
    public DowntimeReason downtimeReason;

    @Column(name = "good_units", nullable = false)
    public long goodUnits;

    @Column(name = "scrap_units", nullable = false)
    public long scrapUnits;

    /** False when the report was older than the line's latest on arrival: history, not current state. */
    @Column(nullable = false)
    public boolean current;

    /** Good units no open allocation needed. */
    @Column(name = "unattributed_units", nullable = false)
    public long unattributedUnits;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @ElementCollection
    @CollectionTable(name = "report_attribution", joinColumns = @JoinColumn(name = "status_report_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<Attribution> attributions = new ArrayList<>();

    /** Good units of this report counted towards one allocation. */
    @Embeddable
    public record Attribution(
            @Column(name = "allocation_id", nullable = false) String allocationId,
            @Column(name = "order_id", nullable = false) String orderId,
            @Column(nullable = false) long units) {
    }
}
