package org.buildwithukraine.routing.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
