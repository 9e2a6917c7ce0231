package org.buildwithukraine.routing.engine;

import static org.buildwithukraine.routing.engine.Planner.DAY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.buildwithukraine.events.order.CustomerClass;

/**
 * One routing pass over one consistent view of the network: optionally re-checks every active allocation, then
 * places waiting orders highest priority first. It judges lines ({@link Eligibility}), asks the {@link Planner} for
 * amounts, keeps the books ({@link Ledger}), frees what a placement needs and re-plans work that no longer fits
 * before its licence ends ({@link QueueScheduler}), and drafts each order's decision ({@link DecisionDraft}).
 */
final class Pass {

    private final Network network;
    private final RoutingPolicy policy;
    private final Instant now;
    private final Eligibility eligibility;
    private final Planner planner = new Planner();
    private final QueueScheduler scheduler;
    private final Supplier<String> allocationIds;
    private final Commitments base;
    private final Ledger ledger;

    private final Map<String, Order> orders;
    private final Map<String, Long> unplaced;
    private final Set<String> received = new HashSet<>();
    private final Set<String> rejected = new HashSet<>();
    private final TreeSet<Order> queue = new TreeSet<>(Ranking.ORDERS);
    private final Map<String, DecisionDraft> drafts = new LinkedHashMap<>();
    private final Map<String, Allocation> created = new LinkedHashMap<>();
    private final List<Withdrawal> withdrawn = new ArrayList<>();
    private final TreeSet<String> touchedLines = new TreeSet<>();
    /**
     * Lines whose whole queue was walked for overruns in this pass, what overran withdrawn. Work is only ever
     * inserted at the rank of the order being placed, and withdrawals move work earlier: on such a line only the
     * work from that order's position on can newly overrun, and a placement walks just that part (placing 10,000
     * re-routed orders in rank order walked their line's whole queue for each, a quadratic second).
     */
    private final Set<String> overrunFree = new HashSet<>();
    /** Orders of each technology tried in this pass that still wait: work withdrawn later frees room for them. */
    private final Map<String, Set<Order>> stillWaiting = new HashMap<>();

    Pass(Network network, RoutingPolicy policy, Instant now, Supplier<String> allocationIds, Commitments base,
            Collection<OpenOrder> openOrders, Collection<Order> receivedOrders) {
        this.network = network;
        this.policy = policy;
        this.now = now;
        this.allocationIds = allocationIds;
        this.base = base;
        this.ledger = new Ledger(base, network);
        this.scheduler = new QueueScheduler(network, now);
        this.eligibility = new Eligibility(network, now, LocalDate.ofInstant(now, ZoneOffset.UTC));
        int expected = (openOrders.size() + receivedOrders.size()) * 4 / 3 + 1;
        this.orders = new HashMap<>(expected);
        this.unplaced = new HashMap<>(expected);
        for (OpenOrder open : openOrders) {
            orders.put(open.order().id(), open.order());
            unplaced.put(open.order().id(), open.unplaced());
            if (open.unplaced() > 0) {
                queue.add(open.order());
            }
        }
        for (Order order : receivedOrders) {
            orders.put(order.id(), order);
            unplaced.put(order.id(), order.quantity());
            received.add(order.id());
            queue.add(order);
        }
    }

    /**
     * Refuses commitments of an order that is not open: a pass would not know the order it re-places. Asked once
     * per call of the engine: the passes it runs in turn keep it true (they add allocations of open orders only).
     */
    static void requireOpen(Commitments commitments, Collection<OpenOrder> openOrders, Collection<Order> received) {
        Set<String> open = new HashSet<>((openOrders.size() + received.size()) * 4 / 3 + 1);
        openOrders.forEach(order -> open.add(order.order().id()));
        received.forEach(order -> open.add(order.id()));
        for (Allocation allocation : commitments.all()) {
            if (!open.contains(allocation.orderId())) {
                throw new IllegalArgumentException("Allocation " + allocation.id() + " belongs to order "
                        + allocation.orderId() + ", which is not among the open orders");
            }
        }
    }

    RoutingResult run(boolean recheck) {
        if (recheck) {
            recheck();
        }
        while (!queue.isEmpty()) {
            place(queue.pollFirst());
        }
        return finish();
    }

    // ---- re-checking what is already placed ----

    /**
     * Takes off their lines the allocations that may no longer stay (line stopped, factory or licence suspended,
     * ...); where a line's capacity or a licence's quota shrank below what is committed, the lowest-ranked
     * allocations until the rest fits; and the work that would now finish after its licence's last day.
     */
    private void recheck() {
        for (Allocation allocation : base.all()) {
            String problem = eligibility.allocationProblem(allocation, orders.get(allocation.orderId()));
            if (problem != null) {
                withdraw(allocation, problem);
            }
        }
        for (String lineId : base.lineIds()) {
            Line line = network.line(lineId);
            Load load = ledger.line(lineId);
            if (line == null) {
                continue;
            }
            long capacity = horizonCapacity(line);
            while (load.total() > capacity) {
                withdraw(lowestRanked(load), Explanations.capacityNow(line, policy.horizonDays()));
            }
        }
        for (String licenceId : base.licenceIds()) {
            Licence licence = network.licence(licenceId);
            Load load = ledger.licence(licenceId);
            if (licence == null) {
                continue;
            }
            while (load.total() > licence.remainingQuota()) {
                withdraw(lowestRanked(load), Explanations.quotaNow(licence));
            }
        }
        for (String lineId : base.lineIds()) {
            for (QueueScheduler.Overrun overrun : scheduler.overruns(network.line(lineId), ledger.line(lineId), 0)) {
                withdraw(overrun.allocation(), Explanations.runsPastLicenceEnd(overrun));
            }
        }
        overrunFree.addAll(base.lineIds());
    }

    private static Allocation lowestRanked(Load load) {
        List<Allocation> allocations = load.allocations();
        return allocations.get(allocations.size() - 1);
    }

    // ---- placing one order ----

    /** The lines judged for an order: every line's verdict so far, and the lines it may use. */
    private record Judged(CandidateLine[] verdicts, List<Planner.LineOption> options, long[] quotas,
            Map<Integer, List<String>> excluded) {
    }

    /**
     * Places the order in rounds: work it pushes past a licence's end is routed again, which frees room the order
     * may take in the next round, until nothing more is freed or nothing more of it waits.
     */
    private void place(Order order) {
        boolean again = placeRound(order);
        while (again && unplaced.get(order.id()) > 0) {
            again = placeRound(order);
        }
        if (unplaced.get(order.id()) > 0 && !rejected.contains(order.id())) {
            stillWaiting.computeIfAbsent(order.technologyCode(), t -> new HashSet<>()).add(order);
        }
    }

    /** @return true if the round placed work and routed other work again to make room for it */
    private boolean placeRound(Order order) {
        boolean isNew = received.contains(order.id());
        long wanted = unplaced.get(order.id());
        if (wanted <= 0 && !isNew) {
            return false;
        }
        DecisionDraft draft = draft(order);
        List<Network.Site> sites = network.sitesBuilding(order.technologyCode());
        String unjudgeable = eligibility.unjudgeable(order);
        if (unjudgeable != null) {
            CandidateLine[] verdicts = new CandidateLine[sites.size()];
            for (int i = 0; i < verdicts.length; i++) {
                verdicts[i] = candidate(sites.get(i).line(), null, Verdict.INELIGIBLE,
                        Explanations.notJudged(unjudgeable));
            }
            reject(order, draft, verdicts, unjudgeable);
            return false;
        }
        String rejection = isNew ? eligibility.rejection(order) : null;
        String centreProblem = order.isExport() ? eligibility.exportCentreProblem(order) : null;
        Judged judged = judge(order, sites, centreProblem, false);
        CandidateLine[] verdicts = judged.verdicts();
        if (rejection != null) {
            for (Planner.LineOption option : judged.options()) {
                verdicts[option.slot()] = candidate(option.line(), option.licences().get(0), Verdict.NOT_NEEDED,
                        Explanations.rejectedAnyway(rejection));
            }
            reject(order, draft, verdicts, rejection);
            return false;
        }
        if (centreProblem != null) {
            draft.explain(verdicts, centreProblem);
            return false;
        }
        long deadline = secondsUntil(order.neededBy().plusDays(1));
        Planner.Plan plan = judged.options().isEmpty() ? null
                : planner.plan(wanted, deadline, judged.options(), judged.quotas().clone());
        boolean yielding = false;
        if ((plan == null || !plan.meetsDate()) && !ownWorkLate(order, sites, deadline)) {
            // rule 3 across time: later-needed work of the same class that has not started makes way, but only
            // when that lets this order meet its date (all of it); otherwise nothing moves
            Judged withYield = judge(order, sites, null, true);
            Planner.Plan yieldingPlan = withYield.options().isEmpty() ? null
                    : planner.plan(wanted, deadline, withYield.options(), withYield.quotas().clone());
            if (yieldingPlan != null && yieldingPlan.meetsDate()) {
                judged = withYield;
                plan = yieldingPlan;
                yielding = true;
            }
        }
        if (plan == null) {
            draft.explain(verdicts, sites.isEmpty() ? Explanations.noLineYet(order.technologyCode())
                    : order.isExport() && higherPriorityWaiting(order) > 0
                            ? Explanations.onlySurplusForExports(order.technologyCode())
                            : Explanations.noLineNow());
            return false;
        }
        return commit(order, draft, judged, plan, yielding);
    }

    /**
     * True if work of the order already on a line finishes after its needed-by date. Work placed earlier in this
     * pass has no planned times yet: it counts at the line's pace, as the next pass will see it once timed, so that
     * whether the order may ask later-needed work to make way does not depend on which pass placed its work.
     */
    private boolean ownWorkLate(Order order, List<Network.Site> sites, long deadline) {
        Instant due = now.plusSeconds(deadline);
        for (Network.Site site : sites) {
            Instant finish = scheduler.lastFinish(site.line(), ledger.line(site.line().id()), order.id());
            if (finish != null && finish.isAfter(due)) {
                return true;
            }
        }
        return false;
    }

    private void reject(Order order, DecisionDraft draft, CandidateLine[] verdicts, String reason) {
        rejected.add(order.id());
        draft.reject(reason);
        draft.explain(verdicts, null);
    }

    /**
     * Judges every line of the technology for the order. With {@code yielding}, work that would make way for the
     * order ({@link Ranking#yieldsTo}) does not count against the lines' room nor the licences' quota.
     */
    private Judged judge(Order order, List<Network.Site> sites, String centreProblem, boolean yielding) {
        CustomerClass customerClass = order.customerClass();
        CandidateLine[] verdicts = new CandidateLine[sites.size()];
        List<Planner.LineOption> options = new ArrayList<>();
        Map<String, Integer> quotaKeys = new HashMap<>();
        List<Long> quotas = new ArrayList<>();
        Map<Integer, List<String>> excluded = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            Line line = sites.get(i).line();
            Eligibility.Verdict verdict = eligibility.of(sites.get(i), order);
            if (!verdict.eligible()) {
                verdicts[i] = candidate(line, null, Verdict.INELIGIBLE, verdict.problem());
                continue;
            }
            if (centreProblem != null) {
                verdicts[i] = candidate(line, null, Verdict.INELIGIBLE, centreProblem);
                continue;
            }
            Load load = ledger.line(line.id());
            long held = load.atOrAbove(customerClass) - (yielding ? load.yieldingTo(order) : 0);
            long room = horizonCapacity(line) - held;
            long ahead = load.ahead(order);
            List<Licence> open = new ArrayList<>();
            List<String> notOpen = new ArrayList<>(verdict.passedOver());
            Licence endedFirst = null;
            Licence quotaTaken = null;
            for (Licence licence : verdict.usable()) {
                long untilEnd = Math.floorDiv((long) line.capacityPerDay() * secondsUntil(licence.validTo()
                        .plusDays(1)), DAY) - ahead;
                long quota = quotaFor(licence, order, yielding);
                if (untilEnd <= 0) {
                    endedFirst = endedFirst == null ? licence : endedFirst;
                    notOpen.add(Explanations.endsBeforeTheLineGetsToIt(licence));
                } else if (quota <= 0) {
                    quotaTaken = quotaTaken == null ? licence : quotaTaken;
                    notOpen.add(Explanations.noUnallocatedQuota(licence));
                } else {
                    open.add(licence);
                    quotaKeys.computeIfAbsent(licence.id(), id -> {
                        quotas.add(quota);
                        return quotas.size() - 1;
                    });
                }
            }
            Licence first = verdict.usable().get(0);
            if (room <= 0) {
                verdicts[i] = candidate(line, first, Verdict.NO_CAPACITY,
                        Explanations.noFreeCapacity(policy.horizonDays(), held));
            } else if (open.isEmpty() && quotaTaken == null) {
                verdicts[i] = candidate(line, endedFirst, Verdict.NO_CAPACITY,
                        Explanations.endsBeforeTheLineGetsToIt(endedFirst));
            } else if (open.isEmpty()) {
                verdicts[i] = candidate(line, quotaTaken, Verdict.NO_QUOTA,
                        Explanations.noUnallocatedQuota(quotaTaken));
            } else {
                long[] ends = new long[open.size()];
                int[] keys = new int[open.size()];
                for (int k = 0; k < open.size(); k++) {
                    ends[k] = secondsUntil(open.get(k).validTo().plusDays(1));
                    keys[k] = quotaKeys.get(open.get(k).id());
                }
                excluded.put(options.size(), notOpen);
                options.add(new Planner.LineOption(line, i, ahead, room, List.copyOf(open), ends, keys));
            }
        }
        return new Judged(verdicts, options, quotas.stream().mapToLong(Long::longValue).toArray(), excluded);
    }

    /**
     * Places the plan's parts, one allocation per line and licence, then frees and re-plans what they push.
     *
     * @return true if work was placed and other work routed again because it would now run past its licence's end
     */
    private boolean commit(Order order, DecisionDraft draft, Judged judged, Planner.Plan plan, boolean yielding) {
        CandidateLine[] verdicts = judged.verdicts();
        List<Planner.LineOption> options = judged.options();
        String note = Explanations.choice(plan, order);
        Set<Licence> drawnOn = new LinkedHashSet<>();
        List<Line> usedLines = new ArrayList<>();
        long placed = 0;
        for (int i = 0; i < options.size(); i++) {
            Planner.LineOption option = options.get(i);
            if (plan.amounts()[i] == 0) {
                verdicts[option.slot()] = candidate(option.line(), option.licences().get(0), Verdict.NOT_NEEDED,
                        Explanations.notNeeded(plan, i, options, now));
                continue;
            }
            String lineNote = note + Explanations.licencesDrawnOn(option, plan.parts().get(i),
                    judged.excluded().get(i));
            Licence firstDrawn = null;
            for (Planner.Part part : plan.parts().get(i)) {
                if (part.amount() == 0) {
                    continue;
                }
                Licence licence = option.licences().get(part.licence());
                firstDrawn = firstDrawn == null ? licence : firstDrawn;
                Allocation allocation = new Allocation(allocationIds.get(), order.id(), option.line().id(),
                        option.line().factoryId(), licence.id(), order.technologyCode(), order.customerClass(),
                        order.neededBy(), order.sequence(), part.amount(), 0, null, null);
                ledger.add(allocation);
                created.put(allocation.id(), allocation);
                touchedLines.add(allocation.lineId());
                draft.choose(option.slot(), allocation.id(), lineNote);
                drawnOn.add(licence);
                placed += part.amount();
            }
            verdicts[option.slot()] = candidate(option.line(), firstDrawn, Verdict.CHOSEN, "");
            usedLines.add(option.line());
        }
        long wanted = unplaced.get(order.id());
        unplaced.put(order.id(), wanted - placed);
        draft.placed(placed);
        draft.explain(verdicts, wanted - placed > 0 ? Explanations.noMoreCapacityOrQuota() : null);
        return makeRoom(order, usedLines, drawnOn, yielding) && placed > 0;
    }

    /**
     * After placing work for the order: a line or licence now holding more than it can is relieved of its
     * lowest-ranked work that may be displaced (a lower class; with {@code yielding}, also unstarted later-needed
     * work of the same class), and work the new work pushed past its licence's end is routed again.
     */
    private boolean makeRoom(Order order, List<Line> usedLines, Set<Licence> drawnOn, boolean yielding) {
        for (Line line : usedLines) {
            long capacity = horizonCapacity(line);
            Load onLine = ledger.line(line.id());
            while (onLine.total() > capacity) {
                displace(onLine, order, yielding, Explanations.noRoomOnLine(line, policy.horizonDays()));
            }
        }
        for (Licence licence : drawnOn) {
            Load underLicence = ledger.licence(licence.id());
            while (underLicence.total() > licence.remainingQuota()) {
                displace(underLicence, order, yielding, Explanations.noQuotaLeftFor(licence));
            }
        }
        boolean replanned = false;
        for (Line line : usedLines) {
            Load onLine = ledger.line(line.id());
            int from = overrunFree.contains(line.id()) ? onLine.positionOf(order) : 0;
            overrunFree.add(line.id());
            for (QueueScheduler.Overrun overrun : scheduler.overruns(line, onLine, from)) {
                withdraw(overrun.allocation(), Explanations.pushedPastLicenceEnd(overrun, order));
                replanned = true;
            }
        }
        return replanned;
    }

    private void displace(Load load, Order by, boolean yielding, String why) {
        List<Allocation> allocations = load.allocations();
        for (int i = allocations.size() - 1; i >= 0; i--) {
            Allocation victim = allocations.get(i);
            if (victim.customerClass().compareTo(by.customerClass()) > 0) {
                withdraw(victim, Explanations.displacedByHigherClass(by, why));
                return;
            }
            if (yielding && Ranking.yieldsTo(victim, by)) {
                withdraw(victim, Explanations.madeWayFor(by, victim));
                return;
            }
        }
        throw new IllegalStateException("Nothing on the line or licence may make way for order " + by.id());
    }

    /**
     * Rule 2, surplus: units of higher-priority orders for the technology this pass could not place. Exports never
     * get capacity or quota such orders could use, because those orders are placed first and may displace export
     * work; this only tells the desk why an export waits.
     */
    private long higherPriorityWaiting(Order export) {
        long waiting = 0;
        for (Map.Entry<String, Long> entry : unplaced.entrySet()) {
            Order other = orders.get(entry.getKey());
            if (entry.getValue() > 0 && other.customerClass().compareTo(export.customerClass()) < 0
                    && other.technologyCode().equals(export.technologyCode()) && !rejected.contains(other.id())) {
                waiting += entry.getValue();
            }
        }
        return waiting;
    }

    // ---- bookkeeping ----

    /**
     * Takes the allocation off its line and queues its order again. Work placed earlier in this pass never left the
     * pass: when a higher-ranked order that waited takes its room, the order's whole placement in this pass is taken
     * back and made again, so that its decision explains only what stands.
     */
    private void withdraw(Allocation allocation, String reason) {
        Order order = orders.get(allocation.orderId());
        if (created.containsKey(allocation.id())) {
            List<Allocation> mine = created.values().stream().filter(a -> a.orderId().equals(order.id())).toList();
            mine.forEach(this::takeOff);
            mine.forEach(a -> created.remove(a.id()));
            draft(order).takeBackPlacements();
            return;
        }
        if (takeOff(allocation)) {
            Withdrawal withdrawal = new Withdrawal(allocation, reason);
            withdrawn.add(withdrawal);
            draft(order).withdrawn(withdrawal);
        }
    }

    /** @return false if it was already off its line */
    private boolean takeOff(Allocation allocation) {
        if (!ledger.remove(allocation)) {
            return false;
        }
        touchedLines.add(allocation.lineId());
        Order order = orders.get(allocation.orderId());
        unplaced.merge(order.id(), allocation.outstanding(), Long::sum);
        queue.add(order);
        Set<Order> waiting = stillWaiting.remove(order.technologyCode());
        if (waiting != null) {
            queue.addAll(waiting);
        }
        return true;
    }

    /** Rule 4: quota a class may still take: what is left minus what this or a higher class holds. */
    private long quotaFor(Licence licence, Order order, boolean yielding) {
        Load load = ledger.licence(licence.id());
        return licence.remainingQuota() - load.atOrAbove(order.customerClass())
                + (yielding ? load.yieldingTo(order) : 0);
    }

    private long horizonCapacity(Line line) {
        return Math.max(0, (long) line.capacityPerDay() * policy.horizonDays());
    }

    private long secondsUntil(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() - now.getEpochSecond();
    }

    private CandidateLine candidate(Line line, Licence licence, Verdict verdict, String explanation) {
        return new CandidateLine(line.id(), line.factoryId(), licence == null ? null : licence.id(), verdict, 0,
                explanation);
    }

    private DecisionDraft draft(Order order) {
        return drafts.computeIfAbsent(order.id(), id -> new DecisionDraft(order));
    }

    // ---- the result ----

    private RoutingResult finish() {
        List<Reschedule> rescheduled = scheduler.schedule(touchedLines, ledger, created);
        List<OrderDecision> decisions = new ArrayList<>();
        for (Map.Entry<String, DecisionDraft> draft : drafts.entrySet()) {
            if (draft.getValue().changed() || received.contains(draft.getKey())) {
                decisions.add(draft.getValue().decision(created, unplaced.get(draft.getKey())));
            }
        }
        List<Allocation> placed = List.copyOf(created.values());
        return new RoutingResult(placed, List.copyOf(withdrawn), List.copyOf(rescheduled), List.copyOf(decisions));
    }
}
