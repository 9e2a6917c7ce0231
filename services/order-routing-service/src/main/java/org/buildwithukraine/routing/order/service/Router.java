package org.buildwithukraine.routing.order.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.events.order.OrderEventTypes;
import org.buildwithukraine.events.order.OrderState;
import org.buildwithukraine.routing.engine.Allocation;
import org.buildwithukraine.routing.engine.CandidateLine;
import org.buildwithukraine.routing.engine.Commitments;
import org.buildwithukraine.routing.engine.Network;
import org.buildwithukraine.routing.engine.OpenOrder;
import org.buildwithukraine.routing.engine.Order;
import org.buildwithukraine.routing.engine.OrderDecision;
import org.buildwithukraine.routing.engine.Reschedule;
import org.buildwithukraine.routing.engine.Verdict;
import org.buildwithukraine.routing.engine.RoutingEngine;
import org.buildwithukraine.routing.engine.RoutingResult;
import org.buildwithukraine.routing.engine.Withdrawal;
import org.buildwithukraine.routing.network.service.NetworkLoader;
import org.buildwithukraine.routing.order.AllocationStatus;
import org.buildwithukraine.routing.order.CustomerOrder;
import org.buildwithukraine.routing.order.OrderAllocation;
import org.buildwithukraine.routing.order.PlacedPart;
import org.buildwithukraine.routing.order.RoutingDecisionRecord;
import org.buildwithukraine.routing.order.WithdrawnPart;
import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Runs one routing pass over one technology and makes its result true: allocations placed and withdrawn, orders'
 * states, decision records, and the events saying so, all in the caller's transaction.
 */
@ApplicationScoped
public class Router {

    private static final Set<OrderState> ROUTABLE = Set.of(OrderState.QUEUED, OrderState.PARTIALLY_ROUTED,
            OrderState.ROUTED, OrderState.IN_PRODUCTION);
    /** Entities loaded by id per statement: well under PostgreSQL's limit of bind parameters. */
    private static final int LOAD_BATCH = 1000;
    /**
     * Time-ordered ids (UUID version 7, increasing within this process): the parts of one order on one line rank
     * by their ids (Ranking.ALLOCATIONS), so they rank in the order they were placed, and a pass of many orders
     * decides exactly as passes of one order each would (random ids would break those ties differently).
     */
    private static final TimeBasedEpochGenerator ALLOCATION_IDS = Generators.timeBasedEpochGenerator();

    private final RoutingEngine engine;
    private final NetworkLoader loader;
    private final OrderEvents events;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Timer passes;
    private final EntityManager entityManager;

    public Router(RoutingEngine engine, NetworkLoader loader, OrderEvents events, ObjectMapper objectMapper,
            Clock clock, MeterRegistry registry, EntityManager entityManager) {
        this.engine = engine;
        this.entityManager = entityManager;
        this.loader = loader;
        this.events = events;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.passes = Timer.builder("bwu.routing.pass").description("One routing pass over one technology")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /**
     * Routes the technology's waiting orders again (new orders go through {@link #routeInTurn}); the caller holds
     * the technology's lock (see {@link RoutingLocks}) since before it read anything the pass depends on.
     *
     * @param recheck also re-check placed work against the network as it is now (after an event)
     * @param trigger what set the pass off, in words, kept with each decision
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RoutingResult route(String technologyCode, boolean recheck, String trigger, String actor) {
        Instant now = clock.instant();
        List<Allocation> active = activeAllocations(technologyCode);
        List<OpenOrder> open = openOrders(technologyCode);

        Network network = loader.forTechnology(technologyCode, active.stream().map(Allocation::lineId).toList(),
                exportCentres(open, List.of()));
        Commitments commitments = Commitments.of(active);

        RoutingResult result = passes.record(() -> recheck
                ? engine.reroute(network, commitments, open, now, Router::newAllocationId)
                : engine.route(network, commitments, open, List.of(), now, Router::newAllocationId));
        List<RoutingDecisionRecord> records = new ArrayList<>();
        apply(result, List.of(), now, trigger, actor, records);
        persist(records);
        return result;
    }

    /**
     * Decides newly received orders of one technology one after the other, in arrival order, each as a placement of
     * its own would ({@link RoutingEngine#routeInTurn}), in one pass: the technology's allocations, open orders and
     * network are read once, and everything the orders' decisions change goes out in the caller's transaction, in
     * JDBC batches. Each order's changes carry its own trigger, actor and trace context. The caller holds the
     * technology's lock (see {@link RoutingLocks}) since before the orders were numbered.
     *
     * @param turns the received orders, persisted and numbered in arrival order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RoutingResult> routeInTurn(String technologyCode, List<Turn> turns) {
        Instant now = clock.instant();
        Set<String> receivedIds = turns.stream().map(turn -> turn.order().id()).collect(Collectors.toSet());
        List<Allocation> active = activeAllocations(technologyCode);
        List<OpenOrder> open = openOrders(technologyCode).stream()
                .filter(o -> !receivedIds.contains(o.order().id())).toList();
        List<Order> received = turns.stream().map(turn -> turn.order().toEngine()).toList();
        Network network = loader.forTechnology(technologyCode, active.stream().map(Allocation::lineId).toList(),
                exportCentres(open, received));

        List<RoutingResult> results = passes.record(() -> engine.routeInTurn(network, Commitments.of(active), open,
                received, now, Router::newAllocationId));
        List<RoutingDecisionRecord> records = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            try (Scope traced = turn.trace().makeCurrent()) {
                apply(results.get(i), List.of(turn.order()), now, turn.trigger(), turn.actor(), records);
            }
        }
        persist(records);
        return results;
    }

    /**
     * One received order of a pass: what set its decision off, who placed it, and the trace its events continue.
     */
    public record Turn(CustomerOrder order, String trigger, String actor, Context trace) {
    }

    private static Set<String> exportCentres(List<OpenOrder> open, List<Order> received) {
        Set<String> centres = new TreeSet<>();
        Stream.concat(open.stream().map(OpenOrder::order), received.stream())
                .filter(o -> o.customerClass() == CustomerClass.EXPORT && o.exportCentreId() != null)
                .forEach(o -> centres.add(o.exportCentreId()));
        return centres;
    }

    /**
     * What the pass reads, as values rather than entities: a pass over thousands of open orders changes only the
     * few it decides about, and managed entities would each keep a snapshot for every flush of the transaction
     * to compare. A query flushes the transaction's pending changes first, so the values are as it sees them.
     */
    private List<Allocation> activeAllocations(String technologyCode) {
        return entityManager.createQuery("""
                select new org.buildwithukraine.routing.engine.Allocation(a.id, a.orderId, a.lineId, a.factoryId,
                       a.licenceId, a.technologyCode, a.customerClass, a.neededBy, a.orderSequence, a.quantity,
                       a.produced, a.plannedStart, a.plannedFinish)
                from OrderAllocation a where a.technologyCode = :technology and a.status = :active""",
                Allocation.class)
                .setParameter("technology", technologyCode).setParameter("active", AllocationStatus.ACTIVE)
                .getResultList();
    }

    private List<OpenOrder> openOrders(String technologyCode) {
        return entityManager.createQuery("""
                select o.id, o.sequence, o.customerClass, o.technologyCode, o.quantity, o.neededBy,
                       o.destinationCountry, o.exportCentreId, o.unplaced
                from CustomerOrder o where o.technologyCode = :technology and o.state in :routable""",
                Object[].class)
                .setParameter("technology", technologyCode).setParameter("routable", ROUTABLE)
                .getResultStream()
                .map(row -> new OpenOrder(new Order((String) row[0], (Long) row[1], (CustomerClass) row[2],
                        (String) row[3], (Long) row[4], (LocalDate) row[5], (String) row[6], (String) row[7]),
                        (Long) row[8]))
                .toList();
    }

    /**
     * Loads as entities only what the pass changes, by id in batches (those an earlier order of the same pass
     * created or loaded are found in the session); the received orders are managed already. The decision records go
     * to {@code records}, to be persisted once the pass's ids are drawn.
     */
    private void apply(RoutingResult result, Collection<CustomerOrder> received, Instant now, String trigger,
            String actor, List<RoutingDecisionRecord> records) {
        Set<String> changedAllocations = new LinkedHashSet<>();
        result.withdrawn().forEach(withdrawal -> changedAllocations.add(withdrawal.allocation().id()));
        result.rescheduled().forEach(reschedule -> changedAllocations.add(reschedule.allocationId()));
        Map<String, OrderAllocation> byId = managed(OrderAllocation.class, changedAllocations,
                OrderAllocation::id);
        Map<String, CustomerOrder> orders = new HashMap<>();
        received.forEach(order -> orders.put(order.id(), order));
        orders.putAll(managed(CustomerOrder.class, result.decisions().stream().map(OrderDecision::orderId)
                .filter(id -> !orders.containsKey(id)).toList(), CustomerOrder::id));

        for (Withdrawal withdrawal : result.withdrawn()) {
            OrderAllocation allocation = byId.get(withdrawal.allocation().id());
            allocation.cancel(withdrawal.reason(), now);
            events.allocationCancelled(allocation, actor);
        }
        for (Allocation placed : result.created()) {
            OrderAllocation allocation = OrderAllocation.place(placed, now);
            allocation.persist();
            events.allocationCreated(allocation, actor);
        }
        for (Reschedule reschedule : result.rescheduled()) {
            byId.get(reschedule.allocationId()).reschedule(reschedule.plannedStart(), reschedule.plannedFinish());
        }
        for (OrderDecision decision : result.decisions()) {
            CustomerOrder order = orders.get(decision.orderId());
            order.decide(decision, now);
            records.add(record(order, decision, now, trigger));
            events.order(switch (decision.outcome()) {
                case REJECTED -> OrderEventTypes.REJECTED;
                case QUEUED -> OrderEventTypes.QUEUED;
                case PLACED, PARTIALLY_PLACED -> OrderEventTypes.ROUTED;
            }, order, actor);
        }
    }

    private <T> Map<String, T> managed(Class<T> type, Collection<String> ids, Function<T, String> idOf) {
        Map<String, T> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            entityManager.unwrap(Session.class).byMultipleIds(type).withBatchSize(LOAD_BATCH)
                    .enableSessionCheck(true).multiLoad(List.copyOf(ids))
                    .forEach(entity -> byId.put(idOf.apply(entity), entity));
        }
        return byId;
    }

    /** Gives the pass's decision records their ids, in the order they were decided, and persists them. */
    private void persist(List<RoutingDecisionRecord> records) {
        Iterator<Long> ids = decisionIds(records.size()).iterator();
        for (RoutingDecisionRecord record : records) {
            record.id = ids.next();
            record.persist();
        }
    }

    /**
     * Ids for the pass's decision records, drawn from the id column's sequence in one statement, so that the
     * records go to the database in JDBC batches instead of one insert each with its identity read back. Drawn
     * while the technology's lock is held: a later decision about the same order (same technology, so a later
     * holder of the lock) draws a larger id, on any replica, and an order's latest decision stays the one with the
     * largest id.
     */
    private List<Long> decisionIds(int count) {
        if (count == 0) {
            return List.of();
        }
        List<?> ids = entityManager.createNativeQuery(
                "select nextval(pg_get_serial_sequence('routing_decision', 'id')) from generate_series(1, ?1) "
                        + "order by 1")
                .setParameter(1, count).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    private RoutingDecisionRecord record(CustomerOrder order, OrderDecision decision, Instant now,
            String trigger) {
        RoutingDecisionRecord record = new RoutingDecisionRecord();
        record.orderId = order.id();
        record.decidedAt = now;
        record.trigger = trigger;
        record.state = order.state();
        record.summary = decision.summary();
        keepCandidates(record, decision.candidates());
        record.placed = json(decision.created().stream().map(PlacedPart::of).toList());
        record.withdrawn = json(decision.withdrawn().stream().map(WithdrawnPart::of).toList());
        return record;
    }

    /** A decision that is not the router's: the desk cancelled the order, and its work left the lines. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordCancellation(CustomerOrder order, List<WithdrawnPart> withdrawn, String trigger) {
        RoutingDecisionRecord record = new RoutingDecisionRecord();
        record.id = decisionIds(1).get(0);
        record.orderId = order.id();
        record.decidedAt = clock.instant();
        record.trigger = trigger;
        record.state = order.state();
        record.summary = order.reason();
        keepCandidates(record, List.of());
        record.placed = json(List.of());
        record.withdrawn = json(withdrawn);
        record.persist();
    }

    /** Every candidate, compressed; and apart, how many had each verdict and the chosen ones. */
    private void keepCandidates(RoutingDecisionRecord record, List<CandidateLine> candidates) {
        record.candidatesGzip = gzippedJson(candidates);
        record.verdictCounts = json(candidates.stream().collect(Collectors.groupingBy(
                candidate -> candidate.verdict().name(), TreeMap::new, Collectors.counting())));
        record.chosenCandidates = json(candidates.stream()
                .filter(candidate -> candidate.verdict() == Verdict.CHOSEN).toList());
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Routing decision cannot be serialised", e);
        }
    }

    /**
     * Written straight into the compressor, fastest level: the candidates of a decision over a thousand lines are
     * a quarter of a megabyte of JSON that compresses tenfold, and the database then stores it without parsing it.
     */
    private byte[] gzippedJson(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            objectMapper.writeValue(gzip, value);
        } catch (IOException e) {
            throw new IllegalStateException("Routing decision cannot be serialised", e);
        }
        return bytes.toByteArray();
    }

    private static String newAllocationId() {
        return ALLOCATION_IDS.generate().toString();
    }
}
