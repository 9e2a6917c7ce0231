package org.buildwithukraine.routing.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.events.order.CustomerClass;

/**
 * A small network and its orders, kept the way the service keeps them: each routing result is applied (allocations
 * placed and withdrawn, orders' unplaced units) so that the next pass starts from it.
 */
final class Scenario {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    final RoutingEngine engine;
    Instant now = NOW;
    final Map<String, Line> lines = new TreeMap<>();
    final Map<String, Factory> factories = new TreeMap<>();
    final Map<String, Licence> licences = new TreeMap<>();
    final Map<String, Allocation> active = new TreeMap<>();
    final Map<String, Order> orders = new LinkedHashMap<>();
    final Map<String, Long> unplaced = new HashMap<>();
    final Map<String, Long> producedUnderWithdrawn = new HashMap<>();
    final Map<String, Long> producedUnderCompleted = new HashMap<>();
    final Set<String> rejected = new HashSet<>();
    private long sequence;
    private int allocationCounter;

    Scenario() {
        this(RoutingPolicy.DEFAULT);
    }

    Scenario(RoutingPolicy policy) {
        this.engine = new RoutingEngine(policy);
    }

    // ---- the network ----

    Scenario factory(String id) {
        factories.put(id, new Factory(id, FactoryKind.MANUFACTURER, FactoryStatus.ACTIVE, null,
                NOW.minus(Duration.ofDays(60))));
        return this;
    }

    Scenario exportCentre(String id) {
        factories.put(id, new Factory(id, FactoryKind.EXPORT_CENTRE, FactoryStatus.ACTIVE, null,
                NOW.minus(Duration.ofDays(60))));
        return this;
    }

    Scenario line(String id, String factoryId, String technology, int capacityPerDay) {
        lines.put(id, new Line(id, factoryId, technology, capacityPerDay, LineState.RUNNING, null,
                NOW.minus(Duration.ofDays(1))));
        return this;
    }

    Scenario licence(String id, String factoryId, String technology, long cap) {
        return licence(id, factoryId, technology, cap, EnumSet.of(LicenceActivity.PRODUCE), Set.of());
    }

    Scenario exportLicence(String id, String factoryId, String technology, long cap, String... territories) {
        return licence(id, factoryId, technology, cap, EnumSet.of(LicenceActivity.PRODUCE, LicenceActivity.EXPORT),
                Set.of(territories));
    }

    Scenario licence(String id, String factoryId, String technology, long cap, Set<LicenceActivity> activities,
            Set<String> territories) {
        licences.put(id, new Licence(id, technology, factoryId, activities, cap, 0, TODAY.minusDays(30),
                TODAY.plusDays(365), territories, LicenceStatus.GRANTED, null, NOW.minus(Duration.ofDays(30))));
        return this;
    }

    Scenario lineState(String id, LineState state, DowntimeReason reason, Instant since) {
        Line l = lines.get(id);
        lines.put(id, new Line(id, l.factoryId(), l.technologyCode(), l.capacityPerDay(), state, reason, since));
        return this;
    }

    Scenario lineCapacity(String id, int capacityPerDay) {
        Line l = lines.get(id);
        lines.put(id, new Line(id, l.factoryId(), l.technologyCode(), capacityPerDay, l.state(), l.downtimeReason(),
                l.stateSince()));
        return this;
    }

    Scenario factoryStatus(String id, FactoryStatus status, String reason, Instant since) {
        Factory f = factories.get(id);
        factories.put(id, new Factory(id, f.kind(), status, reason, since));
        return this;
    }

    Scenario licenceStatus(String id, LicenceStatus status, String reason, Instant since) {
        Licence l = licences.get(id);
        licences.put(id, new Licence(id, l.technologyCode(), l.factoryId(), l.activities(), l.quantityCap(),
                l.unitsConsumed(), l.validFrom(), l.validTo(), l.exportTerritories(), status, reason, since));
        return this;
    }

    Scenario licenceCap(String id, long cap) {
        Licence l = licences.get(id);
        licences.put(id, new Licence(id, l.technologyCode(), l.factoryId(), l.activities(), cap, l.unitsConsumed(),
                l.validFrom(), l.validTo(), l.exportTerritories(), l.status(), l.statusReason(), l.statusSince()));
        return this;
    }

    Scenario licenceValidity(String id, LocalDate from, LocalDate to) {
        Licence l = licences.get(id);
        licences.put(id, new Licence(id, l.technologyCode(), l.factoryId(), l.activities(), l.quantityCap(),
                l.unitsConsumed(), from, to, l.exportTerritories(), l.status(), l.statusReason(), l.statusSince()));
        return this;
    }

    Scenario licenceTerritories(String id, Set<String> territories) {
        Licence l = licences.get(id);
        licences.put(id, new Licence(id, l.technologyCode(), l.factoryId(), l.activities(), l.quantityCap(),
                l.unitsConsumed(), l.validFrom(), l.validTo(), territories, l.status(), l.statusReason(),
                l.statusSince()));
        return this;
    }

    Scenario consume(String licenceId, long units) {
        Licence l = licences.get(licenceId);
        licences.put(licenceId, new Licence(licenceId, l.technologyCode(), l.factoryId(), l.activities(),
                l.quantityCap(), l.unitsConsumed() + units, l.validFrom(), l.validTo(), l.exportTerritories(),
                l.status(), l.statusReason(), l.statusSince()));
        return this;
    }

    /** The line reports good units against an allocation; its licence counts them as consumed. */
    Scenario produce(String allocationId, long units) {
        Allocation a = active.get(allocationId);
        Allocation progressed = new Allocation(a.id(), a.orderId(), a.lineId(), a.factoryId(), a.licenceId(),
                a.technologyCode(), a.customerClass(), a.neededBy(), a.orderSequence(), a.quantity(),
                a.produced() + units, a.plannedStart(), a.plannedFinish());
        consume(a.licenceId(), units);
        if (progressed.outstanding() == 0) {
            active.remove(allocationId);
            producedUnderCompleted.merge(a.orderId(), progressed.produced(), Long::sum);
        } else {
            active.put(allocationId, progressed);
        }
        return this;
    }

    // ---- orders ----

    Order order(CustomerClass customerClass, String technology, long quantity, int neededInDays) {
        long seq = ++sequence;
        return new Order("O" + seq, seq, customerClass, technology, quantity, TODAY.plusDays(neededInDays), null,
                null);
    }

    Order export(String technology, long quantity, int neededInDays, String destination, String centre) {
        long seq = ++sequence;
        return new Order("O" + seq, seq, CustomerClass.EXPORT, technology, quantity, TODAY.plusDays(neededInDays),
                destination, centre);
    }

    RoutingResult receive(Order... received) {
        record(received);
        RoutingResult result = engine.route(network(), commitments(), openOrders(), List.of(received), now,
                this::nextAllocationId);
        apply(result);
        return result;
    }

    /** Knows the orders without routing them; for tests that call the engine themselves. */
    void record(Order... received) {
        for (Order order : received) {
            orders.put(order.id(), order);
        }
    }

    RoutingResult reroute() {
        RoutingResult result = engine.reroute(network(), commitments(), openOrders(), now, this::nextAllocationId);
        apply(result);
        return result;
    }

    Network network() {
        return Network.of(lines.values(), factories.values(), licences.values());
    }

    Commitments commitments() {
        return Commitments.of(active.values());
    }

    List<OpenOrder> openOrders() {
        List<OpenOrder> open = new ArrayList<>();
        Set<String> withWork = new HashSet<>();
        active.values().forEach(a -> withWork.add(a.orderId()));
        for (Order order : orders.values()) {
            long left = unplaced.getOrDefault(order.id(), order.quantity());
            if (!rejected.contains(order.id()) && unplaced.containsKey(order.id())
                    && (left > 0 || withWork.contains(order.id()))) {
                open.add(new OpenOrder(order, left));
            }
        }
        return open;
    }

    void apply(RoutingResult result) {
        for (Withdrawal withdrawal : result.withdrawn()) {
            Allocation gone = active.remove(withdrawal.allocation().id());
            if (gone == null) {
                throw new AssertionError("withdrew an allocation that was not active: " + withdrawal);
            }
            producedUnderWithdrawn.merge(gone.orderId(), gone.produced(), Long::sum);
        }
        for (Allocation allocation : result.created()) {
            if (active.put(allocation.id(), allocation) != null) {
                throw new AssertionError("allocation id reused: " + allocation.id());
            }
        }
        for (Reschedule reschedule : result.rescheduled()) {
            active.computeIfPresent(reschedule.allocationId(),
                    (id, a) -> a.scheduled(reschedule.plannedStart(), reschedule.plannedFinish()));
        }
        for (OrderDecision decision : result.decisions()) {
            unplaced.put(decision.orderId(), decision.unplaced());
            if (decision.outcome() == Outcome.REJECTED) {
                rejected.add(decision.orderId());
            }
        }
    }

    String nextAllocationId() {
        return "A" + (++allocationCounter);
    }

    // ---- looking at the state ----

    List<Allocation> allocationsOf(String orderId) {
        return active.values().stream().filter(a -> a.orderId().equals(orderId)).toList();
    }

    List<Allocation> on(String lineId) {
        return active.values().stream().filter(a -> a.lineId().equals(lineId)).toList();
    }

    long outstandingOn(String lineId) {
        return on(lineId).stream().mapToLong(Allocation::outstanding).sum();
    }

    long outstandingUnder(String licenceId) {
        return active.values().stream().filter(a -> a.licenceId().equals(licenceId))
                .mapToLong(Allocation::outstanding).sum();
    }

    long placedOn(String orderId, String lineId) {
        return active.values().stream().filter(a -> a.orderId().equals(orderId) && a.lineId().equals(lineId))
                .mapToLong(Allocation::quantity).sum();
    }
}
