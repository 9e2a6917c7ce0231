package org.buildwithukraine.kit.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An event waiting to be published, written in the same transaction as the state change it reports.
 * <p>
 * {@code position} is an identity column on purpose: a pooled sequence would hand each replica its own block
 * of numbers, and events of one aggregate written by two replicas could then be published out of order. The
 * database draws it as the row is inserted, which happens at flush, still under the lock the change holds on its
 * aggregate. It is not the entity's id, though: the event id is, assigned by {@link Outbox} before the insert, so
 * that Hibernate neither inserts each event at once to read its identity back nor keeps the events of a
 * transaction out of a JDBC batch. Nothing reads {@code position} in the transaction that writes the event.
 * <p>
 * {@code traceparent} and {@code tracestate} are the W3C trace context of the writing transaction (null outside a
 * trace): the relay publishes the event as part of that trace, however much later it runs.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Column(insertable = false, updatable = false)
    public Long position;

    @Id
    @Column(name = "event_id", nullable = false, unique = true, updatable = false)
    public UUID eventId;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    public String aggregateId;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public String envelope;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(updatable = false)
    public String traceparent;

    @Column(updatable = false)
    public String tracestate;
}
