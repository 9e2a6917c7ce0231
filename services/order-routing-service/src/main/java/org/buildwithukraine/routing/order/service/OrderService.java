package org.buildwithukraine.routing.order.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

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

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.panache.common.Sort;

/** Orders of the order desk: received and routed at once (those arriving together in one pass), looked up. */
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
     * Takes the technology's lock, then the orders that arrived for it, asked of {@code arrivals} only once the lock
     * is held (so that no other pass, of this replica or another, decides between their numbering and their
     * routing); numbers them in arrival order, receives them and routes them in one pass ({@link Router#routeInTurn}),
     * each decided as if placed alone after those before it, in the caller's transaction. Every arrival is a new
     * order: retries are told from second orders by the rest layer's Idempotency-Key before they arrive here.
     *
     * @return the orders as the pass leaves them, in arrival order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CustomerOrder> placeInTurn(String technologyCode, Supplier<List<Arrival>> arrivals) {
        locks.technologies(Set.of(technologyCode));
        List<Arrival> arrived = arrivals.get();
        if (arrived.isEmpty()) {
            return List.of();
        }
        Iterator<Long> sequence = sequence(arrived.size()).iterator();
        List<Router.Turn> turns = new ArrayList<>(arrived.size());
        for (Arrival arrival : arrived) {
            if (!arrival.order().technologyCode().equals(technologyCode)) {
                throw new IllegalArgumentException("An order for " + arrival.order().technologyCode()
                        + " in a pass over " + technologyCode);
            }
            try (Scope traced = arrival.trace().makeCurrent()) {
                CustomerOrder order = receive(arrival.order(), sequence.next(), arrival.actor());
                turns.add(new Router.Turn(order, "order " + order.id() + " received", arrival.actor(),
                        arrival.trace()));
            }
        }
        router.routeInTurn(technologyCode, turns);
        return turns.stream().map(Router.Turn::order).toList();
    }

    /** An order asked for, by whom, and the trace of the request that asked (its events continue it). */
    public record Arrival(NewOrder order, String actor, Context trace) {
    }

    /** Numbers drawn in one statement while the technology's lock is held: arrival order is routing's order. */
    private List<Long> sequence(int count) {
        List<?> numbers = entityManager.createNativeQuery(
                "select nextval('customer_order_sequence') from generate_series(1, ?1) order by 1")
                .setParameter(1, count).getResultList();
        return numbers.stream().map(number -> ((Number) number).longValue()).toList();
    }

    private CustomerOrder receive(NewOrder request, long sequence, String actor) {
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
        router.route(order.technologyCode(), false, "order " + id + " cancelled", actor);
        return order;
    }
}
