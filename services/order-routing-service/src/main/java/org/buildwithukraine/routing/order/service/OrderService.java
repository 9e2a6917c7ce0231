package org.buildwithukraine.routing.order.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.order.OrderEventTypes;
import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.kit.web.ListFilter;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.routing.engine.Order;
import org.buildwithukraine.routing.order.AllocationStatus;
import org.buildwithukraine.routing.order.CustomerOrder;
import org.buildwithukraine.routing.order.OrderAllocation;
import org.buildwithukraine.routing.order.RoutingDecisionRecord;
import org.buildwithukraine.routing.order.WithdrawnPart;

import io.quarkus.panache.common.Sort;

/** Orders of the order desk: received and routed at once, looked up, cancelled. */
@ApplicationScoped
public class OrderService {

    private final RoutingLocks locks;
    private final Router router;
    private final OrderEvents events;
    private final EntityManager entityManager;
    private final Clock clock;

    public OrderService(RoutingLocks locks, Router router, OrderEvents events, EntityManager entityManager,
            Clock clock) {
        this.locks = locks;
        this.router = router;
        this.events = events;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Receives the order and routes it in the same transaction, so that the order comes back with its routing
     * decision made. Every call is a new order: a retry is told from a second order by the rest layer's
     * Idempotency-Key, before this runs.
     */
    @Transactional
    public CustomerOrder place(NewOrder request, String actor) {
        locks.technologies(Set.of(request.technologyCode()));
        CustomerOrder order = receive(request, actor);
        router.route(order.technologyCode(), List.of(order), false, "order " + order.id() + " received", actor);
        return order;
    }

    /** Numbered after the technology's lock is held, so that arrival order is the order routing sees them in. */
    private CustomerOrder receive(NewOrder request, String actor) {
        long sequence = ((Number) entityManager.createNativeQuery("select nextval('customer_order_sequence')")
                .getSingleResult()).longValue();
        CustomerOrder order = CustomerOrder.receive(new Order(UUID.randomUUID().toString(), sequence,
                request.customerClass(), request.technologyCode(), request.quantity(), request.neededBy(),
                request.destinationCountry(), request.exportCentreId()), request.customer(), actor, clock.instant());
        order.persist();
        events.order(OrderEventTypes.RECEIVED, order, actor);
        return order;
    }

    public CustomerOrder get(String id) {
        CustomerOrder order = CustomerOrder.findById(id);
        if (order == null) {
            throw ProblemException.notFound("No order " + id);
        }
        return order;
    }

    /** Newest first. */
    public Page<CustomerOrder> list(OrderFilter filter, PageRequest page) {
        ListFilter matching = ListFilter.where().equal("state", filter.state())
                .equal("customerClass", filter.customerClass()).equal("technologyCode", filter.technologyCode());
        return page.fetch(matching,
                (query, parameters) -> CustomerOrder.find(query, Sort.descending("sequence"), parameters));
    }

    /**
     * The active allocations under a licence. One routing has not heard of yet holds none: zeros, not 404, so
     * that an officer may ask about a licence granted a moment ago.
     */
    public LicenceWork workUnder(String licenceId) {
        Object[] totals = entityManager.createQuery("""
                select count(distinct a.orderId), count(a), count(distinct a.lineId),
                       coalesce(sum(a.quantity - a.produced), 0)
                from OrderAllocation a where a.licenceId = :licence and a.status = :active""", Object[].class)
                .setParameter("licence", licenceId)
                .setParameter("active", AllocationStatus.ACTIVE)
                .getSingleResult();
        return new LicenceWork(licenceId, (Long) totals[0], (Long) totals[1], (Long) totals[2],
                ((Number) totals[3]).longValue());
    }

    public List<OrderAllocation> allocations(String orderId) {
        return OrderAllocation.list("orderId", Sort.by("createdAt").and("id"), orderId);
    }

    /** Oldest first. */
    public List<RoutingDecisionRecord> decisions(String orderId) {
        get(orderId);
        return RoutingDecisionRecord.list("orderId", Sort.by("id"), orderId);
    }

    public RoutingDecisionRecord latestDecision(String orderId) {
        return RoutingDecisionRecord.<RoutingDecisionRecord>find("orderId", Sort.descending("id"), orderId)
                .firstResult();
    }

    /** Takes its unbuilt work off the lines, then routes what was waiting for that capacity. */
    @Transactional
    public CustomerOrder cancel(String id, String reason, String actor) {
        List<String> technology = entityManager
                .createQuery("select technologyCode from CustomerOrder where id = :id", String.class)
                .setParameter("id", id).getResultList();
        if (technology.isEmpty()) {
            throw ProblemException.notFound("No order " + id);
        }
        locks.technologies(Set.of(technology.get(0)));
        CustomerOrder order = get(id);
        if (!order.isOpen()) {
            throw ProblemException.conflict("Order " + id + " is " + order.state() + " and cannot be cancelled");
        }
        Instant now = clock.instant();
        String why = "order cancelled by " + actor + (reason == null || reason.isBlank() ? "" : ": " + reason);
        List<WithdrawnPart> withdrawn = new ArrayList<>();
        for (OrderAllocation allocation : OrderAllocation.<OrderAllocation>list("orderId = ?1 and status = ?2", id,
                AllocationStatus.ACTIVE)) {
            allocation.cancel(why, now);
            events.allocationCancelled(allocation, actor);
            withdrawn.add(WithdrawnPart.of(allocation));
        }
        order.cancel(why, now);
        events.order(OrderEventTypes.CANCELLED, order, actor);
        router.recordCancellation(order, withdrawn, "order " + id + " cancelled");
        router.route(order.technologyCode(), List.of(), false, "order " + id + " cancelled", actor);
        return order;
    }
}
