package org.buildwithukraine.routing.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a pass did to one order, turned into its decision once the lines' queues are planned. */
final class DecisionDraft {

    private final Order order;
    private CandidateLine[] candidates = new CandidateLine[0];
    private final Map<Integer, List<String>> chosenSlots = new LinkedHashMap<>();
    private final Map<Integer, Set<String>> chosenNotes = new HashMap<>();
    private final List<Withdrawal> withdrawn = new ArrayList<>();
    private long placed;
    private String rejection;
    private String waiting;

    DecisionDraft(Order order) {
        this.order = order;
    }

    void choose(int slot, String allocationId, String note) {
        chosenSlots.computeIfAbsent(slot, s -> new ArrayList<>()).add(allocationId);
        chosenNotes.computeIfAbsent(slot, s -> new LinkedHashSet<>()).add(note);
    }

    /** What the pass placed for the order is taken back before the pass ended; it is placed again. */
    void takeBackPlacements() {
        chosenSlots.clear();
        chosenNotes.clear();
        placed = 0;
    }

    void placed(long units) {
        placed += units;
    }

    void reject(String reason) {
        rejection = reason;
    }

    void withdrawn(Withdrawal withdrawal) {
        withdrawn.add(withdrawal);
    }

    /** Whether the pass changed the order's allocations. */
    boolean changed() {
        return !chosenSlots.isEmpty() || !withdrawn.isEmpty();
    }

    /** Takes a placement's verdicts; a line chosen earlier in the pass stays chosen. */
    void explain(CandidateLine[] verdicts, String waitingReason) {
        for (int slot : chosenSlots.keySet()) {
            if (slot < verdicts.length && verdicts[slot].verdict() != Verdict.CHOSEN && slot < candidates.length) {
                verdicts[slot] = candidates[slot];
            }
        }
        candidates = verdicts;
        if (waitingReason != null || placed > 0) {
            waiting = waitingReason;
        }
    }

    /**
     * @param created the pass's allocations with their planned times
     * @param left    units of the order still waiting
     */
    OrderDecision decision(Map<String, Allocation> created, long left) {
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
                finish = QueueScheduler.later(finish, allocation.plannedFinish());
            }
            lastFinish = QueueScheduler.later(lastFinish, finish);
            CandidateLine slot = explained.get(chosen.getKey());
            explained.set(chosen.getKey(), new CandidateLine(slot.lineId(), slot.factoryId(), slot.licenceId(),
                    Verdict.CHOSEN, quantity, Explanations.chosen(quantity, start, finish,
                            String.join("; and later ", chosenNotes.get(chosen.getKey())))));
        }
        long waitingUnits = Math.max(0, left);
        Outcome outcome;
        String summary;
        if (rejection != null) {
            outcome = Outcome.REJECTED;
            summary = Explanations.rejected(rejection);
        } else if (waitingUnits == 0) {
            outcome = Outcome.PLACED;
            summary = Explanations.routed(order, placed, mine, lastFinish);
        } else if (waitingUnits < order.quantity()) {
            outcome = Outcome.PARTIALLY_PLACED;
            summary = Explanations.partiallyRouted(order, placed, mine, lastFinish, waitingUnits, waiting);
        } else {
            outcome = Outcome.QUEUED;
            summary = Explanations.queued(waiting);
        }
        return new OrderDecision(order.id(), outcome, waitingUnits, summary, List.copyOf(explained),
                List.copyOf(mine), List.copyOf(withdrawn));
    }
}
