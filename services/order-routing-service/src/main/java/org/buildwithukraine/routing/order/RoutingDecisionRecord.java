package org.buildwithukraine.routing.order;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.buildwithukraine.events.order.OrderState;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One routing decision about one order, kept for good: what set it off, where the order stood afterwards, and,
 * as JSON, every candidate line with its verdict, the allocations placed and those withdrawn. The candidates are
 * kept gzip-compressed ({@link #candidatesGzip}); records written before that keep them in {@link #candidates}. How
 * many had each verdict, and the chosen ones, are kept apart too, for the answers that list only those.
 */
@Entity
@Table(name = "routing_decision")
public class RoutingDecisionRecord extends PanacheEntityBase {

    /**
     * Drawn by the router from the column's sequence, for all records of a pass at once (V5), so that they are
     * inserted in JDBC batches; an order's decisions are numbered in the order they were made.
     */
    @Id
    public Long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    public String orderId;

    @Column(name = "decided_at", nullable = false, updatable = false)
    public Instant decidedAt;

    @Column(nullable = false, updatable = false)
    public String trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public OrderState state;

    @Column(nullable = false, updatable = false)
    public String summary;

    /** Only in records written before the candidates were compressed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false, columnDefinition = "jsonb")
    public String candidates;

    /** Every candidate line with its verdict, as gzip-compressed JSON. */
    @Column(name = "candidates_gzip", updatable = false)
    public byte[] candidatesGzip;

    /**
     * How many candidate lines had each verdict, as a JSON object (V7), for an answer that lists only the chosen
     * ones; null in records written before, whose counts are read from their candidates.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "verdict_counts", updatable = false, columnDefinition = "jsonb")
    public String verdictCounts;

    /** The candidates CHOSEN, as JSON, in the candidates' order (V7); null when {@link #verdictCounts} is. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "chosen_candidates", updatable = false, columnDefinition = "jsonb")
    public String chosenCandidates;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public String placed;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public String withdrawn;
}
