package org.buildwithukraine.line;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.buildwithukraine.events.order.AllocationCreated;
import org.buildwithukraine.events.order.CustomerClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Part of an order placed on one of this region's lines by the order router (order.allocations). */
@Entity
@Table(name = "allocation")
public class Allocation extends PanacheEntityBase {

    @Id
    private String id;

    /** Arrival order; breaks ties between allocations of the same instant so "oldest first" is stable. */
    @Column(insertable = false, updatable = false)
    private Long seq;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "line_id", nullable = false)
    private String lineId;

    @Column(name = "factory_id", nullable = false)
    private String factoryId;

    @Column(name = "licence_id")
    private String licenceId;

    @Column(name = "technology_code", nullable = false)
    private String technologyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_class", nullable = false)
    private CustomerClass customerClass;

    @Column(nullable = false)
    private long quantity;

    @Column(nullable = false)
    private long produced;

    @Column(name = "planned_start")
    private Instant plannedStart;

    @Column(name = "planned_finish")
    private Instant plannedFinish;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AllocationStatus status;

    @Column(name = "cancel_reason")
    private String cancelReason;

    /** When the router allocated it (occurredAt of AllocationCreated): the order of attribution. */
    @Column(name = "allocated_at", nullable = false)
    private Instant allocatedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    /** For JPA only; an allocation comes into being through {@link #open}. */
    protected Allocation() {
    }

    /**
     * The router placed work on one of this region's lines: OPEN, nothing counted yet.
     *
     * @param allocatedAt when the router allocated it: the order in which output is attributed
     */
    public static Allocation open(AllocationCreated created, Instant allocatedAt) {
        Allocation allocation = new Allocation();
        allocation.id = created.allocationId();
        allocation.orderId = created.orderId();
        allocation.lineId = created.lineId();
        allocation.factoryId = created.factoryId();
        allocation.licenceId = created.licenceId();
        allocation.technologyCode = created.technologyCode();
        allocation.customerClass = created.customerClass();
        allocation.quantity = created.quantity();
        allocation.plannedStart = created.plannedStart();
        allocation.plannedFinish = created.plannedFinish();
        allocation.status = AllocationStatus.OPEN;
        allocation.allocatedAt = allocatedAt;
        return allocation;
    }

    /**
     * The router withdrew it: CANCELLED, and no further units count towards it. Cancelling it again keeps the
     * first reason and time.
     *
     * @return whether this cancelled it
     */
    public boolean cancel(String reason, Instant at) {
        if (status == AllocationStatus.CANCELLED) {
            return false;
        }
        status = AllocationStatus.CANCELLED;
        cancelReason = reason;
        cancelledAt = at;
        return true;
    }

    /** Still to produce; nothing once cancelled, since no further units count towards it. */
    public long remaining() {
        return status == AllocationStatus.CANCELLED ? 0 : Math.max(0, quantity - produced);
    }

    /**
     * Counts units a report attributed to it ({@link OutputAttribution} decides how many); with every unit
     * counted it is FULFILLED.
     */
    public void count(long units) {
        if (units < 0 || units > remaining()) {
            throw new IllegalArgumentException("Allocation " + id + " with " + remaining()
                    + " units to go cannot count " + units);
        }
        produced += units;
        if (produced >= quantity) {
            status = AllocationStatus.FULFILLED;
        }
    }

    public String id() {
        return id;
    }

    public Long seq() {
        return seq;
    }

    public String orderId() {
        return orderId;
    }

    public String lineId() {
        return lineId;
    }

    public String factoryId() {
        return factoryId;
    }

    public String licenceId() {
        return licenceId;
    }

    public String technologyCode() {
        return technologyCode;
    }

    public CustomerClass customerClass() {
        return customerClass;
    }

    public long quantity() {
        return quantity;
    }

    public long produced() {
        return produced;
    }

    public Instant plannedStart() {
        return plannedStart;
    }

    public Instant plannedFinish() {
        return plannedFinish;
    }

    public AllocationStatus status() {
        return status;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public Instant allocatedAt() {
        return allocatedAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }
}
