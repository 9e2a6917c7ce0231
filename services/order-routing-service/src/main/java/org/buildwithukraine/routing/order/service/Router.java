package org.buildwithukraine.routing.order.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.events.order.OrderEventTypes;
import org.buildwithukraine.events.order.OrderState;
import org.buildwithukraine.routing.engine.Allocation;
import org.buildwithukraine.routing.engine.Commitments;
import org.buildwithukraine.routing.engine.Network;
import org.buildwithukraine.routing.engine.OpenOrder;
import org.buildwithukraine.routing.engine.OrderDecision;
import org.buildwithukraine.routing.engine.Reschedule;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs one routing pass over one technology and makes its result true: allocations placed and withdrawn, orders'
 * states, decision records, and the events saying so, all in the caller's transaction.
 */
@ApplicationScoped
public class Router {

    private static final Set<OrderState> ROUTABLE = Set.of(OrderState.QUEUED, OrderState.PARTIALLY_ROUTED,
            OrderState.ROUTED, OrderState.IN_PRODUCTION);

    private final RoutingEngine engine;
    private final NetworkLoader loader;
    private final OrderEvents events;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Timer passes;

    public Router(RoutingEngine engine, NetworkLoader loader, OrderEvents events, ObjectMapper objectMapper,
            Clock clock, MeterRegistry registry) {
        this.engine = engine;
        this.loader = loader;
        this.events = events;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.passes = Timer.builder("bwu.routing.pass").description("One routing pass over one technology")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /**
     * Routes the technology's waiting orders and the newly received ones; the caller holds the technology's lock
     * (see {@link RoutingLocks}) since before it read anything the pass depends on.
     *
     * @param recheck also re-check placed work against the network as it is now (after an event)
     * @param trigger what set the pass off, in words, kept with each decision
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RoutingResult route(String technologyCode, Collection<CustomerOrder> received, boolean recheck,
            String trigger, String actor) {
        Instant now = clock.instant();
        List<OrderAllocation> active = OrderAllocation.list("technologyCode = ?1 and status = ?2", technologyCode,
                AllocationStatus.ACTIVE);
        Map<String, CustomerOrder> orders = CustomerOrder.<CustomerOrder>list("technologyCode = ?1 and state in ?2",
                technologyCode, ROUTABLE).stream().collect(Collectors.toMap(CustomerOrder::id, Function.identity()));
        received.forEach(order -> orders.put(order.id(), order));

        Set<String> exportCentres = new TreeSet<>();
        orders.values().stream()
                .filter(o -> o.customerClass() == CustomerClass.EXPORT && o.exportCentreId() != null)
                .forEach(o -> exportCentres.add(o.exportCentreId()));
        Network network = loader.forTechnology(technologyCode, active.stream().map(OrderAllocation::lineId).toList(),
                exportCentres);
        Commitments commitments = Commitments.of(active.stream().map(OrderAllocation::toEngine).toList());
        Set<String> receivedIds = received.stream().map(CustomerOrder::id).collect(Collectors.toSet());
        List<OpenOrder> open = orders.values().stream().filter(o -> !receivedIds.contains(o.id()))
                .map(o -> new OpenOrder(o.toEngine(), o.unplaced())).toList();

        RoutingResult result = passes.record(() -> recheck
                ? engine.reroute(network, commitments, open, now, Router::newAllocationId)
                : engine.route(network, commitments, open, received.stream().map(CustomerOrder::toEngine).toList(),
                        now, Router::newAllocationId));
        apply(result, orders, active, now, trigger, actor);
        return result;
    }

    private void apply(RoutingResult result, Map<String, CustomerOrder> orders, List<OrderAllocation> active,
            Instant now, String trigger, String actor) {
        Map<String, OrderAllocation> byId = new HashMap<>();
        active.forEach(allocation -> byId.put(allocation.id(), allocation));
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
            record(order, decision, now, trigger);
            events.order(switch (decision.outcome()) {
                case REJECTED -> OrderEventTypes.REJECTED;
                case QUEUED -> OrderEventTypes.QUEUED;
                case PLACED, PARTIALLY_PLACED -> OrderEventTypes.ROUTED;
            }, order, actor);
        }
    }

    private void record(CustomerOrder order, OrderDecision decision, Instant now, String trigger) {
        RoutingDecisionRecord record = new RoutingDecisionRecord();
        record.orderId = order.id();
        record.decidedAt = now;
        record.trigger = trigger;
        record.state = order.state();
        record.summary = decision.summary();
        record.candidatesGzip = gzippedJson(decision.candidates());
        record.placed = json(decision.created().stream().map(PlacedPart::of).toList());
        record.withdrawn = json(decision.withdrawn().stream().map(WithdrawnPart::of).toList());
        record.persist();
    }

    /** A decision that is not the router's: the desk cancelled the order, and its work left the lines. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordCancellation(CustomerOrder order, List<WithdrawnPart> withdrawn, String trigger) {
        RoutingDecisionRecord record = new RoutingDecisionRecord();
        record.orderId = order.id();
        record.decidedAt = clock.instant();
        record.trigger = trigger;
        record.state = order.state();
        record.summary = order.reason();
        record.candidatesGzip = gzippedJson(List.of());
        record.placed = json(List.of());
        record.withdrawn = json(withdrawn);
        record.persist();
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
        return UUID.randomUUID().toString();
    }
}
