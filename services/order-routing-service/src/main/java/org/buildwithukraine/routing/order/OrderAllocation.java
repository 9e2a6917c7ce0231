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
    public String id;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "line_id", nullable = false)
    public String lineId;

    @Column(name = "factory_id", nullable = false)
    public String factoryId;

    @Column(name = "licence_id", nullable = false)
    public String licenceId;

    @Column(name = "technology_code", nullable = false)
    public String technologyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_class", nullable = false)
    public CustomerClass customerClass;

    @Column(name = "needed_by", nullable = false)
    public LocalDate neededBy;

    @Column(name = "order_sequence", nullable = false)
    public long orderSequence;

    @Column(nullable = false)
    public long quantity;

    @Column(nullable = false)
    public long produced;

    @Column(name = "planned_start", nullable = false)
    public Instant plannedStart;

    @Column(name = "planned_finish", nullable = false)
    public Instant plannedFinish;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AllocationStatus status;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public static OrderAllocation of(Allocation placed, Instant now) {
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
        allocation.createdAt = now;
        return allocation;
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
