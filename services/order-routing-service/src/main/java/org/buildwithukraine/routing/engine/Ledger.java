package org.buildwithukraine.routing.engine;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * What one pass has committed to each line and each licence: the commitments it started from, with what it placed
 * and withdrew. A line's or licence's queue is built the first time the pass looks at it.
 */
final class Ledger {

    private final Commitments base;
    private final Comparator<Allocation> queueOrder;
    private final Map<String, Load> lines = new HashMap<>();
    private final Map<String, Load> licences = new HashMap<>();

    Ledger(Commitments base, Network network) {
        this.base = base;
        this.queueOrder = Ranking.queue(network);
    }

    Load line(String lineId) {
        return lines.computeIfAbsent(lineId, id -> new Load(queueOrder, base.onLine(id)));
    }

    Load licence(String licenceId) {
        return licences.computeIfAbsent(licenceId, id -> new Load(queueOrder, base.underLicence(id)));
    }

    void add(Allocation allocation) {
        line(allocation.lineId()).add(allocation);
        licence(allocation.licenceId()).add(allocation);
    }

    /** @return false if it was not committed (already taken off) */
    boolean remove(Allocation allocation) {
        licence(allocation.licenceId()).remove(allocation);
        return line(allocation.lineId()).remove(allocation);
    }
}
