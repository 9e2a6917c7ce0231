package org.buildwithukraine.routing.order;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.buildwithukraine.events.order.AllocationCreated;
import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.routing.engine.Allocation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Part of an order assigned to one line under one licence. */
@Entity
@Table(name = "allocation")
public class OrderAllocation extends PanacheEntityBase {

    @Id
    private String id;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "line_id", nullable = false)
    private String lineId;

    @Column(name = "factory_id", nullable = false)
    private String factoryId;

    @Column(name = "licence_id", nullable = false)
    private String licenceId;

    @Column(name = "technology_code", nullable = false)
    private String technologyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_class", nullable = false)
    private CustomerClass customerClass;

    @Column(name = "needed_by", nullable = false)
    private LocalDate neededBy;

    @Column(name = "order_sequence", nullable = false)
    private long orderSequence;

    @Column(nullable = false)
    private long quantity;

    @Column(nullable = false)
    private long produced;

    @Column(name = "planned_start", nullable = false)
    private Instant plannedStart;

    @Column(name = "planned_finish", nullable = false)
    private Instant plannedFinish;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AllocationStatus status;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    /** For JPA only; an allocation comes into being through {@link #place}. */
    protected OrderAllocation() {
    }

    /** Work a routing pass placed on a line: ACTIVE, holding the line's capacity and the licence's quota. */
    public static OrderAllocation place(Allocation placed, Instant at) {
        if (placed.quantity() <= 0 || placed.produced() < 0 || placed.produced() > placed.quantity()) {
            throw new IllegalArgumentException("Allocation " + placed.id() + " of " + placed.quantity()
                    + " units with " + placed.produced() + " built");
        }
        OrderAllocation allocation = new OrderAllocation();
        allocation.id = placed.id();
        allocation.orderId = placed.orderId();
        allocation.lineId = placed.lineId();
        allocation.factoryId = placed.factoryId();
        allocation.licenceId = placed.licenceId();
        allocation.technologyCode = placed.technologyCode();
        allocation.customerClass = placed.customerClass();
        allocation.neededBy = placed.neededBy();
        allocation.orderSequence = placed.orderSequence();
        allocation.quantity = placed.quantity();
        allocation.produced = placed.produced();
        allocation.plannedStart = placed.plannedStart();
        allocation.plannedFinish = placed.plannedFinish();
        allocation.status = AllocationStatus.ACTIVE;
        allocation.createdAt = at;
        return allocation;
    }

    /**
     * Takes the work off its line: CANCELLED, no longer holding capacity or quota; units built under it still
     * count for the order.
     *
     * @throws IllegalStateException if it is not ACTIVE
     */
    public void cancel(String reason, Instant at) {
        requireActive("cancelled");
        status = AllocationStatus.CANCELLED;
        cancelReason = reason;
        endedAt = at;
    }

    /** The line's queue moved: the same work, planned for another slot. */
    public void reschedule(Instant start, Instant finish) {
        requireActive("rescheduled");
        if (finish.isBefore(start)) {
            throw new IllegalArgumentException("Allocation " + id + " would finish before it starts");
        }
        plannedStart = start;
        plannedFinish = finish;
    }

    /**
     * Takes the units its line reports as built under it so far. Reports are cumulative and may come twice or out
     * of order: the count never goes down nor beyond the quantity, and only an ACTIVE allocation takes them (units
     * reported against a withdrawn one no longer count towards it). With every unit built it is COMPLETED.
     *
     * @return whether the count changed
     */
    public boolean recordProduced(long reportedSoFar, Instant at) {
        if (status != AllocationStatus.ACTIVE) {
            return false;
        }
        long now = Math.min(quantity, Math.max(produced, reportedSoFar));
        if (now == produced) {
            return false;
        }
        produced = now;
        if (produced == quantity) {
            status = AllocationStatus.COMPLETED;
            endedAt = at;
        }
        return true;
    }

    public boolean isActive() {
        return status == AllocationStatus.ACTIVE;
    }

    private void requireActive(String change) {
        if (status != AllocationStatus.ACTIVE) {
            throw new IllegalStateException("Allocation " + id + " is " + status + " and cannot be " + change);
        }
    }

    public String id() {
        return id;
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

    public Instant createdAt() {
        return createdAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Allocation toEngine() {
        return new Allocation(id, orderId, lineId, factoryId, licenceId, technologyCode, customerClass, neededBy,
                orderSequence, quantity, produced, plannedStart, plannedFinish);
    }

    public AllocationCreated created() {
        return new AllocationCreated(id, orderId, lineId, factoryId, licenceId, technologyCode, customerClass,
                quantity, plannedStart, plannedFinish);
    }
}
