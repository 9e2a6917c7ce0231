package org.buildwithukraine.routing.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The active allocations (work placed on lines and not yet produced), indexed by line and by licence. Routing
 * passes never change it: they keep their own queues of the few lines and licences they touch.
 */
public final class Commitments {

    /** How {@link #all} lists them; a licence's allocations are listed in this order too. */
    private static final Comparator<Allocation> BY_LINE_THEN_RANK = Comparator.comparing(Allocation::lineId)
            .thenComparing(Ranking.ALLOCATIONS);

    /** Each line's allocations by rank; no line without any. */
    private final TreeMap<String, List<Allocation>> byLine;
    /** Each licence's allocations by line, then by rank; no licence without any. */
    private final Map<String, List<Allocation>> byLicence;
    /** Drawn up when first asked for: a placement's next pass mostly reads a few lines and licences. */
    private List<Allocation> all;
    private Map<String, Allocation> byId;

    private Commitments(TreeMap<String, List<Allocation>> byLine, Map<String, List<Allocation>> byLicence) {
        this.byLine = byLine;
        this.byLicence = byLicence;
    }

    public static Commitments of(Collection<Allocation> allocations) {
        List<Allocation> sorted = new ArrayList<>(allocations);
        sorted.sort(BY_LINE_THEN_RANK);
        TreeMap<String, List<Allocation>> byLine = new TreeMap<>();
        Map<String, List<Allocation>> byLicence = new HashMap<>();
        for (Allocation allocation : sorted) {
            byLine.computeIfAbsent(allocation.lineId(), id -> new ArrayList<>()).add(allocation);
            byLicence.computeIfAbsent(allocation.licenceId(), id -> new ArrayList<>()).add(allocation);
        }
        byLine.replaceAll((line, onLine) -> List.copyOf(onLine));
        byLicence.replaceAll((licence, underLicence) -> List.copyOf(underLicence));
        return new Commitments(byLine, byLicence);
    }

    public static Commitments none() {
        return of(List.of());
    }

    /**
     * The commitments once a pass's result is applied, as the next pass reads them: its withdrawn allocations gone,
     * its rescheduled ones at their new times, its new ones added. Only the lines and licences the result touches
     * are listed again; the others' lists are shared with these commitments, which stay as they are.
     */
    public Commitments after(RoutingResult result) {
        Set<String> gone = new HashSet<>();
        List<Allocation> arriving = new ArrayList<>();
        List<Allocation> touched = new ArrayList<>();
        for (Withdrawal withdrawal : result.withdrawn()) {
            gone.add(withdrawal.allocation().id());
            touched.add(withdrawal.allocation());
        }
        Map<String, Allocation> rescheduledFrom = new HashMap<>();
        if (!result.rescheduled().isEmpty()) {
            // work is pushed back on the lines where the pass placed or withdrew work: look there first
            Set<String> lines = new HashSet<>();
            touched.forEach(allocation -> lines.add(allocation.lineId()));
            result.created().forEach(allocation -> lines.add(allocation.lineId()));
            lines.forEach(line -> onLine(line).forEach(allocation -> rescheduledFrom.put(allocation.id(), allocation)));
        }
        for (Reschedule reschedule : result.rescheduled()) {
            Allocation current = rescheduledFrom.containsKey(reschedule.allocationId())
                    ? rescheduledFrom.get(reschedule.allocationId()) : byId().get(reschedule.allocationId());
            if (current != null && !gone.contains(current.id())) {
                gone.add(current.id());
                touched.add(current);
                arriving.add(current.scheduled(reschedule.plannedStart(), reschedule.plannedFinish()));
            }
        }
        // new ids (the pass draws them), so nothing of these commitments is replaced by them
        arriving.addAll(result.created());
        touched.addAll(arriving);
        if (touched.isEmpty()) {
            return this;
        }
        TreeMap<String, List<Allocation>> lines = new TreeMap<>(byLine);
        Map<String, List<Allocation>> licences = new HashMap<>(byLicence);
        relist(lines, touched, Allocation::lineId, gone, arriving);
        relist(licences, touched, Allocation::licenceId, gone, arriving);
        return new Commitments(lines, licences);
    }

    /** Lists again, in {@link #BY_LINE_THEN_RANK}, each key's allocations that a touched allocation belongs to. */
    private static void relist(Map<String, List<Allocation>> index, List<Allocation> touched,
            Function<Allocation, String> key, Set<String> gone, List<Allocation> arriving) {
        Set<String> keys = new HashSet<>();
        touched.forEach(allocation -> keys.add(key.apply(allocation)));
        for (String k : keys) {
            List<Allocation> listed = new ArrayList<>();
            for (Allocation allocation : index.getOrDefault(k, List.of())) {
                if (!gone.contains(allocation.id())) {
                    listed.add(allocation);
                }
            }
            for (Allocation allocation : arriving) {
                if (k.equals(key.apply(allocation))) {
                    listed.add(allocation);
                }
            }
            if (listed.isEmpty()) {
                index.remove(k);
            } else {
                listed.sort(BY_LINE_THEN_RANK);
                index.put(k, List.copyOf(listed));
            }
        }
    }

    /** Every active allocation, by line, then by rank. */
    public List<Allocation> all() {
        if (all == null) {
            List<Allocation> listed = new ArrayList<>();
            byLine.values().forEach(listed::addAll);
            all = List.copyOf(listed);
        }
        return all;
    }

    private Map<String, Allocation> byId() {
        if (byId == null) {
            Map<String, Allocation> index = new HashMap<>();
            byLine.values().forEach(onLine -> onLine.forEach(allocation -> index.put(allocation.id(), allocation)));
            byId = index;
        }
        return byId;
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
