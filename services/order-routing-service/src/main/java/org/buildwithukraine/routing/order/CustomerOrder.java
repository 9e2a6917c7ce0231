package org.buildwithukraine.routing.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.events.order.OrderSnapshot;
import org.buildwithukraine.events.order.OrderState;
import org.buildwithukraine.routing.engine.Order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An order of the order desk. */
@Entity
@Table(name = "customer_order")
public class CustomerOrder extends PanacheEntityBase {

    /** States in which the order still takes part in routing. */
    public static final Set<OrderState> OPEN = EnumSet.of(OrderState.RECEIVED, OrderState.QUEUED,
            OrderState.PARTIALLY_ROUTED, OrderState.ROUTED, OrderState.IN_PRODUCTION);

    @Id
    public String id;

    /** Arrival order: first come, first served within a class and needed-by date. */
    @Column(nullable = false, unique = true, updatable = false)
    public long sequence;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_class", nullable = false)
    public CustomerClass customerClass;

    @Column(nullable = false)
    public String customer;

    @Column(name = "technology_code", nullable = false)
    public String technologyCode;

    @Column(nullable = false)
    public long quantity;

    @Column(name = "needed_by", nullable = false)
    public LocalDate neededBy;

    @Column(name = "destination_country", length = 2)
    public String destinationCountry;

    @Column(name = "export_centre_id")
    public String exportCentreId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderState state;

    /** Why it is QUEUED, PARTIALLY_ROUTED, REJECTED or CANCELLED. */
    public String reason;

    /** Units on no line: quantity minus active allocations minus units built under withdrawn ones. */
    @Column(nullable = false)
    public long unplaced;

    @Column(nullable = false)
    public long produced;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "received_by", nullable = false)
    public String receivedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isOpen() {
        return OPEN.contains(state);
    }

    public Order toEngine() {
        return new Order(id, sequence, customerClass, technologyCode, quantity, neededBy, destinationCountry,
                exportCentreId);
    }

    public OrderSnapshot snapshot() {
        return new OrderSnapshot(id, customerClass, customer, technologyCode, quantity, neededBy, destinationCountry,
                exportCentreId, state, quantity - unplaced, produced, reason);
    }

    /**
     * The state its units say it is in: FULFILLED when all are built, IN_PRODUCTION once some are, otherwise
     * ROUTED, PARTIALLY_ROUTED or QUEUED by how many are on lines.
     */
    public OrderState stateByUnits() {
        if (produced >= quantity) {
            return OrderState.FULFILLED;
        }
        if (produced > 0) {
            return OrderState.IN_PRODUCTION;
        }
        if (unplaced == 0) {
            return OrderState.ROUTED;
        }
        return unplaced < quantity ? OrderState.PARTIALLY_ROUTED : OrderState.QUEUED;
    }
}
