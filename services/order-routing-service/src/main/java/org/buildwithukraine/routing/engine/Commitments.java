package org.buildwithukraine.routing.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The active allocations (work placed on lines and not yet produced), indexed by line and by licence. Routing
 * passes never change it: they keep their own queues of the few lines and licences they touch.
 */
public final class Commitments {

    private final List<Allocation> all;
    private final Map<String, List<Allocation>> byLine = new HashMap<>();
    private final Map<String, List<Allocation>> byLicence = new HashMap<>();

    private Commitments(List<Allocation> all) {
        this.all = all;
    }

    public static Commitments of(Collection<Allocation> allocations) {
        List<Allocation> sorted = new ArrayList<>(allocations);
        sorted.sort(Comparator.comparing(Allocation::lineId).thenComparing(Ranking.ALLOCATIONS));
        Commitments commitments = new Commitments(List.copyOf(sorted));
        for (Allocation allocation : sorted) {
            commitments.byLine.computeIfAbsent(allocation.lineId(), id -> new ArrayList<>()).add(allocation);
            commitments.byLicence.computeIfAbsent(allocation.licenceId(), id -> new ArrayList<>()).add(allocation);
        }
        return commitments;
    }

    public static Commitments none() {
        return of(List.of());
    }

    /**
     * The commitments once a pass's result is applied, as the next pass reads them: its withdrawn allocations gone,
     * its rescheduled ones at their new times, its new ones added.
     */
    public Commitments after(RoutingResult result) {
        Map<String, Allocation> byId = new LinkedHashMap<>();
        all.forEach(allocation -> byId.put(allocation.id(), allocation));
        result.withdrawn().forEach(withdrawal -> byId.remove(withdrawal.allocation().id()));
        for (Reschedule reschedule : result.rescheduled()) {
            byId.computeIfPresent(reschedule.allocationId(),
                    (id, allocation) -> allocation.scheduled(reschedule.plannedStart(), reschedule.plannedFinish()));
        }
        result.created().forEach(allocation -> byId.put(allocation.id(), allocation));
        return of(byId.values());
    }

    /** Every active allocation, by line, then by rank. */
    public List<Allocation> all() {
        return all;
    }

    List<Allocation> onLine(String lineId) {
        return byLine.getOrDefault(lineId, List.of());
    }

    List<Allocation> underLicence(String licenceId) {
        return byLicence.getOrDefault(licenceId, List.of());
    }

    TreeSet<String> lineIds() {
        return new TreeSet<>(byLine.keySet());
    }

    TreeSet<String> licenceIds() {
        return new TreeSet<>(byLicence.keySet());
    }
}
