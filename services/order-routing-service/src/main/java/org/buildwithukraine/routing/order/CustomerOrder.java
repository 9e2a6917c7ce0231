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
import org.buildwithukraine.routing.engine.OrderDecision;
import org.buildwithukraine.routing.engine.Outcome;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An order of the order desk. */
@Entity
@Table(name = "customer_order")
public class CustomerOrder extends PanacheEntityBase {

    /** States in which the order still takes part in routing. */
    public static final Set<OrderState> OPEN = EnumSet.of(OrderState.RECEIVED, OrderState.QUEUED,
            OrderState.PARTIALLY_ROUTED, OrderState.ROUTED, OrderState.IN_PRODUCTION);

    @Id
    private String id;

    /** Arrival order: first come, first served within a class and needed-by date. */
    @Column(nullable = false, unique = true, updatable = false)
    private long sequence;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_class", nullable = false)
    private CustomerClass customerClass;

    @Column(nullable = false)
    private String customer;

    @Column(name = "technology_code", nullable = false)
    private String technologyCode;

    @Column(nullable = false)
    private long quantity;

    @Column(name = "needed_by", nullable = false)
    private LocalDate neededBy;

    @Column(name = "destination_country", length = 2)
    private String destinationCountry;

    @Column(name = "export_centre_id")
    private String exportCentreId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderState state;

    /** Why it is QUEUED, PARTIALLY_ROUTED, REJECTED or CANCELLED. */
    private String reason;

    /** Units on no line: quantity minus active allocations minus units built under withdrawn ones. */
    @Column(nullable = false)
    private long unplaced;

    @Column(nullable = false)
    private long produced;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "received_by", nullable = false)
    private String receivedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    /** For JPA only; an order comes into being through {@link #receive}. */
    protected CustomerOrder() {
    }

    /**
     * An order as the desk took it in: RECEIVED, every unit still unplaced, nothing built.
     *
     * @param request what it asks for, numbered in arrival order
     */
    public static CustomerOrder receive(Order request, String customer, String receivedBy, Instant at) {
        if (request.quantity() <= 0) {
            throw new IllegalArgumentException("An order asks for at least one unit: " + request.quantity());
        }
        CustomerOrder order = new CustomerOrder();
        order.id = request.id();
        order.sequence = request.sequence();
        order.customerClass = request.customerClass();
        order.customer = customer;
        order.technologyCode = request.technologyCode();
        order.quantity = request.quantity();
        order.neededBy = request.neededBy();
        order.destinationCountry = request.destinationCountry();
        order.exportCentreId = request.exportCentreId();
        order.state = OrderState.RECEIVED;
        order.unplaced = request.quantity();
        order.receivedAt = at;
        order.receivedBy = receivedBy;
        order.updatedAt = at;
        return order;
    }

    /**
     * Takes a routing pass's verdict on this order: what is still unplaced and, unless it was rejected, the state
     * its units say; the decision's summary is the reason while any unit waits.
     */
    public void decide(OrderDecision decision, Instant at) {
        if (!decision.orderId().equals(id)) {
            throw new IllegalArgumentException("Decision for " + decision.orderId() + " applied to order " + id);
        }
        unplaced = decision.unplaced();
        state = decision.outcome() == Outcome.REJECTED ? OrderState.REJECTED : stateByUnits();
        reason = decision.unplaced() > 0 ? decision.summary() : null;
        updatedAt = at;
    }

    /**
     * Takes the units built for it so far (cumulative, over all its allocations). An open order moves on to
     * IN_PRODUCTION or, once every unit is built, to FULFILLED with nothing left unplaced; a closed one only keeps
     * the count.
     *
     * @return whether its state changed
     */
    public boolean recordProduced(long producedSoFar, Instant at) {
        produced = producedSoFar;
        if (!isOpen() || stateByUnits() == state) {
            return false;
        }
        state = stateByUnits();
        updatedAt = at;
        if (state == OrderState.FULFILLED) {
            reason = null;
            unplaced = 0;
        }
        return true;
    }

    /**
     * The desk withdrew the order: CANCELLED, and every unit not built counts as unplaced. The caller has taken
     * its allocations off their lines.
     *
     * @throws IllegalStateException if the order is no longer open
     */
    public void cancel(String why, Instant at) {
        if (!isOpen()) {
            throw new IllegalStateException("Order " + id + " is " + state + " and cannot be cancelled");
        }
        state = OrderState.CANCELLED;
        reason = why;
        unplaced = quantity - produced;
        updatedAt = at;
    }

    public boolean isOpen() {
        return OPEN.contains(state);
    }

    /** Units on a line or built under a withdrawn allocation. */
    public long allocated() {
        return quantity - unplaced;
    }

    public String id() {
        return id;
    }

    public long sequence() {
        return sequence;
    }

    public CustomerClass customerClass() {
        return customerClass;
    }

    public String customer() {
        return customer;
    }

    public String technologyCode() {
        return technologyCode;
    }

    public long quantity() {
        return quantity;
    }

    public LocalDate neededBy() {
        return neededBy;
    }

    public String destinationCountry() {
        return destinationCountry;
    }

    public String exportCentreId() {
        return exportCentreId;
    }

    public OrderState state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    public long unplaced() {
        return unplaced;
    }

    public long produced() {
        return produced;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String receivedBy() {
        return receivedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Order toEngine() {
        return new Order(id, sequence, customerClass, technologyCode, quantity, neededBy, destinationCountry,
                exportCentreId);
    }

    public OrderSnapshot snapshot() {
        return new OrderSnapshot(id, customerClass, customer, technologyCode, quantity, neededBy, destinationCountry,
                exportCentreId, state, allocated(), produced, reason);
    }

    /**
     * The state its units say it is in: FULFILLED when all are built, IN_PRODUCTION once some are, otherwise
     * ROUTED, PARTIALLY_ROUTED or QUEUED by how many are on lines.
     */
    private OrderState stateByUnits() {
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
