package org.buildwithukraine.line;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.buildwithukraine.events.order.CustomerClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Part of an order placed on one of this region's lines by the order router (order.allocations). */
@Entity
@Table(name = "allocation")
public class Allocation extends PanacheEntityBase {

    @Id
    public String id;

    /** Arrival order; breaks ties between allocations of the same instant so "oldest first" is stable. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "line_id", nullable = false)
    public String lineId;

    @Column(name = "factory_id", nullable = false)
    public String factoryId;

    @Column(name = "licence_id")
    public String licenceId;

    @Column(name = "technology_code", nullable = false)
    public String technologyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_class", nullable = false)
    public CustomerClass customerClass;

    @Column(nullable = false)
    public long quantity;

    @Column(nullable = false)
    public long produced;

    @Column(name = "planned_start")
    public Instant plannedStart;

    @Column(name = "planned_finish")
    public Instant plannedFinish;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AllocationStatus status;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** When the router allocated it (occurredAt of AllocationCreated): the order of attribution. */
    @Column(name = "allocated_at", nullable = false)
    public Instant allocatedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** Still to produce; nothing once cancelled, since no further units count towards it. */
    public long remaining() {
        return status == AllocationStatus.CANCELLED ? 0 : Math.max(0, quantity - produced);
    }

    public void count(long units) {
        produced += units;
        if (produced >= quantity) {
            status = AllocationStatus.FULFILLED;
        }
    }
}
