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
 * passes never change it: they work on copies of the few lines and licences they touch.
 */
public final class Commitments {

    private final List<Allocation> all;
    private final Map<String, Load> byLine = new HashMap<>();
    private final Map<String, Load> byLicence = new HashMap<>();

    private Commitments(List<Allocation> all) {
        this.all = all;
    }

    public static Commitments of(Collection<Allocation> allocations) {
        List<Allocation> sorted = new ArrayList<>(allocations);
        sorted.sort(Comparator.comparing(Allocation::lineId).thenComparing(Ranking.ALLOCATIONS));
        Commitments commitments = new Commitments(List.copyOf(sorted));
        for (Allocation allocation : sorted) {
            commitments.byLine.computeIfAbsent(allocation.lineId(), id -> new Load()).add(allocation);
            commitments.byLicence.computeIfAbsent(allocation.licenceId(), id -> new Load()).add(allocation);
        }
        return commitments;
    }

    public static Commitments none() {
        return of(List.of());
    }

    /** Every active allocation, by line, then in the line's ranking order. */
    public List<Allocation> all() {
        return all;
    }

    Load onLine(String lineId) {
        return byLine.get(lineId);
    }

    Load underLicence(String licenceId) {
        return byLicence.get(licenceId);
    }

    TreeSet<String> lineIds() {
        return new TreeSet<>(byLine.keySet());
    }

    TreeSet<String> licenceIds() {
        return new TreeSet<>(byLicence.keySet());
    }
}
