package org.buildwithukraine.routing.engine;

import java.util.List;

/**
 * What one routing pass did to one order, and why.
 *
 * @param unplaced   units still waiting for a line after the pass
 * @param candidates every line building the order's technology, with its verdict; empty if the order was not
 *                   (re)placed in this pass
 * @param created    allocations placed for it in this pass
 * @param withdrawn  its allocations taken off their lines in this pass
 */
public record OrderDecision(String orderId, Outcome outcome, long unplaced, String summary,
        List<CandidateLine> candidates, List<Allocation> created, List<Withdrawal> withdrawn) {
}
