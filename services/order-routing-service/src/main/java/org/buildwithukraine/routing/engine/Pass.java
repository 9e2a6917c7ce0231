package org.buildwithukraine.routing.engine;

import static org.buildwithukraine.routing.engine.Explanations.at;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.buildwithukraine.events.order.CustomerClass;

/**
 * One routing pass over one consistent view of the network: optionally re-checks every active allocation, then
 * places waiting orders highest priority first. Lines and licences are copied only when the pass changes them,
 * so a pass costs what the orders' technologies cost, not what the whole network holds.
 */
final class Pass {

    private static final long DAY = 86_400L;

    private final Network network;
    private final RoutingPolicy policy;
    private final Instant now;
    private final Eligibility eligibility;
    private final Supplier<String> allocationIds;
    private final Commitments base;

    private final Map<String, Load> lines = new HashMap<>();
    private final Map<String, Load> licences = new HashMap<>();
    private final Map<String, Order> orders;
    private final Map<String, Long> unplaced;
    private final Set<String> received = new HashSet<>();
    private final Set<String> rejected = new HashSet<>();
    private final TreeSet<Order> queue = new TreeSet<>(Ranking.ORDERS);
    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    private final Map<String, Allocation> created = new LinkedHashMap<>();
    private final List<Withdrawal> withdrawn = new ArrayList<>();
    private final TreeSet<String> touchedLines = new TreeSet<>();
    /** Why the plan chose each option it placed work on, by option index; rewritten by every plan. */
    private final Map<Integer, String> notes = new HashMap<>();

    Pass(Network network, RoutingPolicy policy, Instant now, Supplier<String> allocationIds, Commitments base,
            Collection<OpenOrder> openOrders, Collection<Order> receivedOrders) {
        this.network = network;
        this.policy = policy;
        this.now = now;
        this.allocationIds = allocationIds;
        this.base = base;
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
        for (Allocation allocation : base.all()) {
            if (!orders.containsKey(allocation.orderId())) {
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
     * ...), then, where a line's capacity or a licence's quota shrank below what is committed, the lowest-ranked
     * allocations until the rest fits.
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
            Load load = lineLoad(lineId);
            if (line == null || load.total() == 0) {
                continue;
            }
            long capacity = horizonCapacity(line);
            while (load.total() > capacity) {
                withdraw(load.lowestRanked(), "line capacity now " + line.capacityPerDay()
                        + " units/day: no room left within the " + policy.horizonDays() + "-day horizon");
                load = lineLoad(lineId);
            }
        }
        for (String licenceId : base.licenceIds()) {
            Licence licence = network.licence(licenceId);
            Load load = licenceLoad(licenceId);
            if (licence == null || load.total() == 0) {
                continue;
            }
            while (load.total() > licence.remainingQuota()) {
                withdraw(load.lowestRanked(), Explanations.name(licence) + " has only " + licence.remainingQuota()
                        + " units of quota left for the work placed under it");
                load = licenceLoad(licenceId);
            }
        }
    }

    // ---- placing one order ----

    /** A line the order may use, with what it can take. */
    private record Option(Line line, Licence licence, int group, long ahead, long cap, int slot) {

        long rate() {
            return line.capacityPerDay();
        }

        /** Units of this order the line can have finished {@code seconds} from now. */
        long takesBy(long seconds) {
            long done = Math.floorDiv(rate() * seconds, DAY) - ahead;
            return Math.max(0, Math.min(cap, done));
        }

        long startSeconds() {
            return ceilDiv(ahead * DAY, rate());
        }

        long finishSeconds(long amount) {
            return ceilDiv((ahead + amount) * DAY, rate());
        }
    }

    private void place(Order order) {
        if (unplaced.get(order.id()) <= 0) {
            return;
        }
        Draft draft = draft(order);
        boolean again = placeRound(order, draft);
        while (again && unplaced.get(order.id()) > 0) {
            again = placeRound(order, draft);
        }
    }

    /**
     * Places what the eligible lines can take, each under its usable licence with the most quota left for the
     * order's class.
     *
     * @return true if another round could place more: something was placed and a line has another licence to
     *         build under once this one's quota is used up
     */
    private boolean placeRound(Order order, Draft draft) {
        long wanted = unplaced.get(order.id());
        CustomerClass customerClass = order.customerClass();
        String rejection = received.contains(order.id()) ? eligibility.rejection(order) : null;
        String centreProblem = order.isExport() ? eligibility.exportCentreProblem(order) : null;

        List<Network.Site> candidates = network.sitesBuilding(order.technologyCode());
        CandidateLine[] verdicts = new CandidateLine[candidates.size()];
        List<Option> options = new ArrayList<>();
        Map<String, Integer> groups = new HashMap<>();
        List<Long> quotas = new ArrayList<>();
        boolean otherLicences = false;
        for (int i = 0; i < candidates.size(); i++) {
            Line line = candidates.get(i).line();
            Eligibility.Verdict verdict = eligibility.of(candidates.get(i), order);
            if (!verdict.eligible()) {
                verdicts[i] = candidate(line, null, Verdict.INELIGIBLE, verdict.problem());
                continue;
            }
            if (centreProblem != null) {
                verdicts[i] = candidate(line, null, Verdict.INELIGIBLE, centreProblem);
                continue;
            }
            Licence licence = mostQuotaLeft(verdict.usable(), customerClass);
            Load load = lineLoad(line.id());
            long free = horizonCapacity(line) - load.atOrAbove(customerClass);
            long ahead = load.ahead(order);
            long untilExpiry = capacityUntilEndOf(line, licence.validTo()) - ahead;
            long quota = quotaFor(licence, customerClass);
            if (free <= 0) {
                verdicts[i] = candidate(line, licence, Verdict.NO_CAPACITY, "no free capacity within the "
                        + policy.horizonDays() + "-day horizon: " + load.atOrAbove(customerClass)
                        + " units committed to orders of equal or higher priority");
            } else if (untilExpiry <= 0) {
                verdicts[i] = candidate(line, licence, Verdict.NO_CAPACITY, Explanations.name(licence) + " ends "
                        + licence.validTo() + ", before the line could build more of this order");
            } else if (quota <= 0) {
                verdicts[i] = candidate(line, licence, Verdict.NO_QUOTA, Explanations.name(licence)
                        + " has no unallocated quota left: its " + licence.remainingQuota()
                        + " remaining units are allocated to orders of equal or higher priority");
            } else {
                Integer group = groups.get(licence.id());
                if (group == null) {
                    group = quotas.size();
                    groups.put(licence.id(), group);
                    quotas.add(quota);
                }
                options.add(new Option(line, licence, group, ahead, Math.min(free, untilExpiry), i));
                otherLicences |= verdict.usable().size() > 1;
            }
        }

        if (rejection != null) {
            rejected.add(order.id());
            draft.rejection = rejection;
            options.forEach(o -> verdicts[o.slot()] = candidate(o.line(), o.licence(), Verdict.NOT_NEEDED,
                    "eligible, but the order is rejected: " + rejection));
            draft.explain(verdicts, null);
            return false;
        }
        if (centreProblem != null) {
            draft.explain(verdicts, centreProblem);
            return false;
        }
        if (options.isEmpty()) {
            draft.explain(verdicts, candidates.isEmpty() ? "no line builds " + order.technologyCode() + " yet"
                    : order.isExport() && higherPriorityWaiting(order) > 0
                            ? "higher-priority orders for " + order.technologyCode()
                                    + " still wait, exports take only surplus capacity"
                            : "no line can take it now");
            return false;
        }

        long[] amounts = plan(order, wanted, options, quotas, verdicts);
        long placed = 0;
        for (int i = 0; i < options.size(); i++) {
            if (amounts[i] > 0) {
                Option option = options.get(i);
                Allocation allocation = new Allocation(allocationIds.get(), order.id(), option.line().id(),
                        option.line().factoryId(), option.licence().id(), order.technologyCode(), customerClass,
                        order.neededBy(), order.sequence(), amounts[i], 0, null, null);
                commit(allocation);
                draft.choose(option.slot(), allocation.id(), notes.get(i));
                verdicts[option.slot()] = candidate(option.line(), option.licence(), Verdict.CHOSEN, "");
                placed += amounts[i];
            }
        }
        unplaced.put(order.id(), wanted - placed);
        draft.placed += placed;
        draft.explain(verdicts, wanted - placed > 0 ? "no more capacity or quota on eligible lines" : null);
        for (int i = 0; i < options.size(); i++) {
            if (amounts[i] > 0) {
                makeRoom(options.get(i).line(), options.get(i).licence(), customerClass);
            }
        }
        return placed > 0 && otherLicences;
    }

    /**
     * Rule 3: one line if one can finish the whole order by its needed-by date (the soonest such line); otherwise
     * split so that all of it finishes as soon as possible: the smallest time by which the eligible lines together,
     * each after the work ranked before it and within its licence's quota, finish the order. What no line can take
     * within the horizon stays unplaced.
     */
    private long[] plan(Order order, long wanted, List<Option> options, List<Long> quotas,
            CandidateLine[] verdicts) {
        long[] amounts = new long[options.size()];
        notes.clear();
        long deadline = secondsUntil(order.neededBy().plusDays(1));

        int single = -1;
        long singleFinish = Long.MAX_VALUE;
        for (int i = 0; i < options.size(); i++) {
            Option option = options.get(i);
            if (option.cap() >= wanted && quotas.get(option.group()) >= wanted) {
                long finish = option.finishSeconds(wanted);
                if (finish < singleFinish) {
                    single = i;
                    singleFinish = finish;
                }
            }
        }
        if (single >= 0 && singleFinish <= deadline) {
            amounts[single] = wanted;
            notes.put(single, "finishes soonest, before needed-by " + order.neededBy());
            Option chosen = options.get(single);
            String sooner = "eligible, not needed: " + chosen.line().id() + " finishes sooner ("
                    + at(instant(singleFinish)) + " against ";
            for (int i = 0; i < options.size(); i++) {
                Option other = options.get(i);
                if (i == single) {
                    continue;
                }
                String why;
                if (other.cap() >= wanted && quotas.get(other.group()) >= wanted) {
                    why = sooner + at(instant(other.finishSeconds(wanted))) + ")";
                } else {
                    why = "eligible, not needed: it can take only "
                            + Math.min(other.cap(), quotas.get(other.group())) + " units; " + chosen.line().id()
                            + " takes all " + wanted;
                }
                verdicts[other.slot()] = candidate(other.line(), other.licence(), Verdict.NOT_NEEDED, why);
            }
            return amounts;
        }

        long latest = 0;
        for (Option option : options) {
            latest = Math.max(latest, option.finishSeconds(option.cap()));
        }
        long target = Math.min(wanted, reachableBy(latest, options, quotas));
        long low = 0;
        long high = latest;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (reachableBy(middle, options, quotas) >= target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        long finishBy = low;
        List<Integer> byStart = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            byStart.add(i);
        }
        byStart.sort(Comparator.comparingLong((Integer i) -> options.get(i).startSeconds())
                .thenComparing(i -> options.get(i).line().id()));
        long[] quotaLeft = quotas.stream().mapToLong(Long::longValue).toArray();
        long remaining = target;
        int used = 0;
        for (int i : byStart) {
            Option option = options.get(i);
            long take = Math.min(Math.min(option.takesBy(finishBy), quotaLeft[option.group()]), remaining);
            if (take > 0) {
                amounts[i] = take;
                quotaLeft[option.group()] -= take;
                remaining -= take;
                used++;
            }
        }
        boolean onTime = finishBy <= deadline;
        String note;
        if (target < wanted) {
            note = "takes all it can now; " + (wanted - target) + " units wait for capacity";
        } else if (used > 1) {
            note = "split across " + used + " lines: no single line finishes by needed-by " + order.neededBy()
                    + (onTime ? "; together they do" : "; together they finish soonest, after needed-by");
        } else {
            note = onTime ? "finishes soonest, before needed-by " + order.neededBy()
                    : "finishes soonest possible, after needed-by " + order.neededBy();
        }
        for (int i = 0; i < options.size(); i++) {
            if (amounts[i] > 0) {
                notes.put(i, note);
                continue;
            }
            Option option = options.get(i);
            String why;
            if (quotaLeft[option.group()] == 0) {
                why = "eligible, not needed: the chosen lines use all unallocated quota of "
                        + Explanations.name(option.licence());
            } else if (option.startSeconds() >= finishBy) {
                why = "eligible, not needed: it could start only " + at(instant(option.startSeconds()))
                        + ", when the chosen lines are done (" + at(instant(finishBy)) + ")";
            } else {
                why = "eligible, not needed: the chosen lines finish sooner";
            }
            verdicts[option.slot()] = candidate(option.line(), option.licence(), Verdict.NOT_NEEDED, why);
        }
        return amounts;
    }

    /** Of usable licences, the one with most quota left for the class; the first by id among equals. */
    private Licence mostQuotaLeft(List<Licence> usable, CustomerClass customerClass) {
        Licence best = usable.get(0);
        if (usable.size() > 1) {
            long bestQuota = quotaFor(best, customerClass);
            for (Licence licence : usable) {
                long quota = quotaFor(licence, customerClass);
                if (quota > bestQuota) {
                    best = licence;
                    bestQuota = quota;
                }
            }
        }
        return best;
    }

    /** Units the options can finish together within {@code seconds}, each licence's quota shared by its lines. */
    private static long reachableBy(long seconds, List<Option> options, List<Long> quotas) {
        long[] byGroup = new long[quotas.size()];
        for (Option option : options) {
            byGroup[option.group()] += option.takesBy(seconds);
        }
        long total = 0;
        for (int g = 0; g < byGroup.length; g++) {
            total += Math.min(byGroup[g], quotas.get(g));
        }
        return total;
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

    /**
     * After placing work of {@code customerClass}: a line or licence now holding more than it can is relieved of
     * its lowest-ranked allocations, which are always of a lower class (a class never takes what an equal or higher
     * class holds), so a higher class never waits for a lower one.
     */
    private void makeRoom(Line line, Licence licence, CustomerClass customerClass) {
        long capacity = horizonCapacity(line);
        Load onLine = lineLoad(line.id());
        while (onLine.total() > capacity) {
            displace(onLine.lowestRanked(), customerClass, "line " + line.id() + " has no room left within the "
                    + policy.horizonDays() + "-day horizon");
            onLine = lineLoad(line.id());
        }
        Load underLicence = licenceLoad(licence.id());
        while (underLicence.total() > licence.remainingQuota()) {
            displace(underLicence.lowestRanked(), customerClass,
                    Explanations.name(licence) + " has no quota left for it");
            underLicence = licenceLoad(licence.id());
        }
    }

    private void displace(Allocation victim, CustomerClass by, String why) {
        if (victim.customerClass().compareTo(by) <= 0) {
            throw new IllegalStateException("Allocation " + victim.id() + " of " + victim.customerClass()
                    + " would be displaced by " + by);
        }
        withdraw(victim, "displaced by higher-priority " + by + " work: " + why);
    }

    // ---- bookkeeping ----

    private void commit(Allocation allocation) {
        mutableLine(allocation.lineId()).add(allocation);
        mutableLicence(allocation.licenceId()).add(allocation);
        created.put(allocation.id(), allocation);
        touchedLines.add(allocation.lineId());
    }

    private void withdraw(Allocation allocation, String reason) {
        if (created.containsKey(allocation.id())) {
            throw new IllegalStateException("Allocation " + allocation.id() + " placed and withdrawn in one pass");
        }
        mutableLine(allocation.lineId()).remove(allocation);
        mutableLicence(allocation.licenceId()).remove(allocation);
        touchedLines.add(allocation.lineId());
        Withdrawal withdrawal = new Withdrawal(allocation, reason);
        withdrawn.add(withdrawal);
        Order order = orders.get(allocation.orderId());
        unplaced.merge(order.id(), allocation.outstanding(), Long::sum);
        queue.add(order);
        draft(order).withdrawn.add(withdrawal);
    }

    private Load lineLoad(String lineId) {
        Load load = lines.get(lineId);
        if (load == null) {
            load = base.onLine(lineId);
        }
        return load == null ? EMPTY : load;
    }

    private Load licenceLoad(String licenceId) {
        Load load = licences.get(licenceId);
        if (load == null) {
            load = base.underLicence(licenceId);
        }
        return load == null ? EMPTY : load;
    }

    private static final Load EMPTY = new Load();

    private Load mutableLine(String lineId) {
        return lines.computeIfAbsent(lineId, id -> {
            Load existing = base.onLine(id);
            return existing == null ? new Load() : existing.copy();
        });
    }

    private Load mutableLicence(String licenceId) {
        return licences.computeIfAbsent(licenceId, id -> {
            Load existing = base.underLicence(id);
            return existing == null ? new Load() : existing.copy();
        });
    }

    /** Rule 4: quota a class may still take: what is left minus what this or a higher class holds. */
    private long quotaFor(Licence licence, CustomerClass customerClass) {
        return licence.remainingQuota() - licenceLoad(licence.id()).atOrAbove(customerClass);
    }

    private long horizonCapacity(Line line) {
        return Math.max(0, (long) line.capacityPerDay() * policy.horizonDays());
    }

    /** Units the line can build from now to the end of the given day. */
    private long capacityUntilEndOf(Line line, LocalDate lastDay) {
        long seconds = secondsUntil(lastDay.plusDays(1));
        return seconds <= 0 ? 0 : Math.floorDiv((long) line.capacityPerDay() * seconds, DAY);
    }

    private long secondsUntil(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() - now.getEpochSecond();
    }

    private Instant instant(long secondsFromNow) {
        return now.plusSeconds(secondsFromNow);
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    private CandidateLine candidate(Line line, Licence licence, Verdict verdict, String explanation) {
        return new CandidateLine(line.id(), line.factoryId(), licence == null ? null : licence.id(), verdict, 0,
                explanation);
    }

    private Draft draft(Order order) {
        return drafts.computeIfAbsent(order.id(), id -> new Draft(order));
    }

    // ---- the result ----

    /**
     * Plans the touched lines' queues: new allocations get their times, and existing ones that new higher-ranked
     * work pushed back get later times (never earlier ones: a withdrawal does not promise earlier delivery).
     */
    private RoutingResult finish() {
        List<Reschedule> rescheduled = new ArrayList<>();
        for (String lineId : touchedLines) {
            Line line = network.line(lineId);
            Load load = lines.get(lineId);
            if (line == null || load == null || line.capacityPerDay() <= 0) {
                continue;
            }
            long cumulative = 0;
            boolean behindNewWork = false;
            for (Allocation allocation : load.allocations()) {
                Instant start = instant(ceilDiv(cumulative * DAY, line.capacityPerDay()));
                cumulative += allocation.outstanding();
                Instant finish = instant(ceilDiv(cumulative * DAY, line.capacityPerDay()));
                if (created.containsKey(allocation.id())) {
                    created.put(allocation.id(), allocation.scheduled(start, finish));
                    behindNewWork = true;
                } else if (behindNewWork && (allocation.plannedStart() == null
                        || allocation.plannedStart().isBefore(start) || allocation.plannedFinish().isBefore(finish))) {
                    Instant laterStart = later(allocation.plannedStart(), start);
                    Instant laterFinish = later(allocation.plannedFinish(), finish);
                    rescheduled.add(new Reschedule(allocation.id(), laterStart, laterFinish));
                }
            }
        }
        List<OrderDecision> decisions = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            boolean changed = !draft.chosenSlots.isEmpty() || !draft.withdrawn.isEmpty();
            if (changed || received.contains(draft.order.id())) {
                decisions.add(draft.decision());
            }
        }
        List<Allocation> placed = List.copyOf(created.values());
        return new RoutingResult(placed, List.copyOf(withdrawn), List.copyOf(rescheduled), List.copyOf(decisions));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** What the pass did to one order, turned into its decision once the lines' queues are planned. */
    private final class Draft {
        final Order order;
        CandidateLine[] candidates = new CandidateLine[0];
        final Map<Integer, List<String>> chosenSlots = new LinkedHashMap<>();
        final Map<Integer, String> chosenNotes = new HashMap<>();
        final List<Withdrawal> withdrawn = new ArrayList<>();
        long placed;
        String rejection;
        String waiting;

        Draft(Order order) {
            this.order = order;
        }

        void choose(int slot, String allocationId, String note) {
            chosenSlots.computeIfAbsent(slot, s -> new ArrayList<>()).add(allocationId);
            chosenNotes.putIfAbsent(slot, note);
        }

        /** Takes a round's verdicts; a line chosen in an earlier round of the pass stays chosen. */
        void explain(CandidateLine[] verdicts, String waitingReason) {
            for (int slot : chosenSlots.keySet()) {
                if (verdicts[slot].verdict() != Verdict.CHOSEN) {
                    verdicts[slot] = candidates[slot];
                }
            }
            candidates = verdicts;
            if (waitingReason != null || placed > 0) {
                waiting = waitingReason;
            }
        }

        OrderDecision decision() {
            List<CandidateLine> explained = new ArrayList<>(Arrays.asList(candidates));
            List<Allocation> mine = new ArrayList<>();
            Instant lastFinish = null;
            for (Map.Entry<Integer, List<String>> chosen : chosenSlots.entrySet()) {
                long quantity = 0;
                Instant start = null;
                Instant finish = null;
                for (String allocationId : chosen.getValue()) {
                    Allocation allocation = created.get(allocationId);
                    mine.add(allocation);
                    quantity += allocation.quantity();
                    start = start == null || allocation.plannedStart().isBefore(start) ? allocation.plannedStart()
                            : start;
                    finish = later(finish, allocation.plannedFinish());
                }
                lastFinish = later(lastFinish, finish);
                CandidateLine slot = explained.get(chosen.getKey());
                explained.set(chosen.getKey(), new CandidateLine(slot.lineId(), slot.factoryId(), slot.licenceId(),
                        Verdict.CHOSEN, quantity, "chosen for " + quantity + " units, " + at(start) + " to "
                                + at(finish) + "; " + chosenNotes.get(chosen.getKey())));
            }
            long left = unplaced.get(order.id());
            Outcome outcome;
            String summary;
            if (rejection != null) {
                outcome = Outcome.REJECTED;
                summary = "rejected: " + rejection;
            } else if (left == 0) {
                outcome = Outcome.PLACED;
                summary = "routed: " + placedText(mine, lastFinish);
            } else if (left < order.quantity()) {
                outcome = Outcome.PARTIALLY_PLACED;
                summary = (mine.isEmpty() ? "partially routed" : "partially routed: " + placedText(mine, lastFinish))
                        + "; " + left + " units wait: " + (waiting == null ? "waiting for capacity" : waiting);
            } else {
                outcome = Outcome.QUEUED;
                summary = "queued: " + (waiting == null ? "waiting for capacity" : waiting);
            }
            return new OrderDecision(order.id(), outcome, left, summary, List.copyOf(explained), List.copyOf(mine),
                    List.copyOf(withdrawn));
        }

        private String placedText(List<Allocation> mine, Instant lastFinish) {
            List<String> lineIds = mine.stream().map(Allocation::lineId).distinct().toList();
            Instant deadline = order.neededBy().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            return placed + " units on " + String.join(", ", lineIds) + ", finishing " + at(lastFinish)
                    + (lastFinish.isAfter(deadline) ? ", after" : ", before") + " needed-by " + order.neededBy();
        }
    }
}
