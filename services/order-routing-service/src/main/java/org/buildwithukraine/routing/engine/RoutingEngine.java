package org.buildwithukraine.routing.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decides which production lines build which orders, under the routing rules of the platform:
 * <ol>
 * <li>a line is eligible when it builds the order's technology, is RUNNING or IDLE, its factory is ACTIVE, and the
 * factory holds a GRANTED, in-date licence for the technology with quota left (for an EXPORT order, one that
 * permits export to the destination); it builds under any such licence, the one ending soonest first, and plans
 * nothing under a licence past its last day;</li>
 * <li>UA_DEFENCE before PARTNER_DEFENCE before EXPORT, earlier needed-by first within a class; a higher class takes
 * capacity and quota from lower classes' unproduced work if it must, and exports only take surplus; within a class,
 * unstarted later-needed work makes way when that lets an earlier-needed order meet its date;</li>
 * <li>the lines that finish soonest, counting the work already ranked before; split across lines when no single
 * line meets the needed-by date; what no line can take now waits in the queue;</li>
 * <li>a licence's remaining quota is never exceeded (summed over its lines), nor a line's capacity within the
 * planning horizon;</li>
 * <li>every decision says, for every line of the technology, why it was chosen or passed over.</li>
 * </ol>
 * Plain Java and deterministic: the same network, commitments, orders, time and allocation ids give the same result.
 */
public final class RoutingEngine {

    private final RoutingPolicy policy;

    public RoutingEngine(RoutingPolicy policy) {
        this.policy = policy;
    }

    /**
     * Places newly received orders and whatever open orders still wait, highest priority first.
     *
     * @param commitments   active allocations of the open orders
     * @param openOrders    every open order the commitments belong to, and every order waiting for a line
     * @param received      orders to decide for the first time (they get a decision even if nothing changes)
     * @param allocationIds ids for new allocations, asked in placement order
     */
    public RoutingResult route(Network network, Commitments commitments, Collection<OpenOrder> openOrders,
            Collection<Order> received, Instant now, Supplier<String> allocationIds) {
        Pass.requireOpen(commitments, openOrders, received);
        return new Pass(network, policy, now, allocationIds, commitments, openOrders, received).run(false);
    }

    /**
     * Decides newly received orders one after the other, in the order given: each in a pass of its own (as
     * {@link #route} with that order alone) over the commitments and open orders the passes before it left, so the
     * results are exactly those of routing them one at a time, with the network read once for all.
     *
     * @param received orders in the order they arrived
     * @return one result per received order, in that order
     */
    public List<RoutingResult> routeInTurn(Network network, Commitments commitments,
            Collection<OpenOrder> openOrders, List<Order> received, Instant now, Supplier<String> allocationIds) {
        Pass.requireOpen(commitments, openOrders, received);
        Map<String, OpenOrder> open = new LinkedHashMap<>();
        openOrders.forEach(order -> open.put(order.order().id(), order));
        Commitments before = commitments;
        List<RoutingResult> results = new ArrayList<>(received.size());
        for (Order order : received) {
            RoutingResult result = new Pass(network, policy, now, allocationIds, before, open.values(),
                    List.of(order)).run(false);
            results.add(result);
            before = before.after(result);
            for (OrderDecision decision : result.decisions()) {
                if (decision.outcome() == Outcome.REJECTED) {
                    open.remove(decision.orderId());
                } else {
                    Order decided = decision.orderId().equals(order.id()) ? order
                            : open.get(decision.orderId()).order();
                    open.put(decided.id(), new OpenOrder(decided, decision.unplaced()));
                }
            }
        }
        return results;
    }

    /**
     * After the network changed: first takes off their lines the allocations that may no longer stay there (line
     * stopped, factory or licence suspended, quota or capacity reduced, work that would now finish after its
     * licence's last day), then places them again with every waiting order, highest priority first.
     */
    public RoutingResult reroute(Network network, Commitments commitments, Collection<OpenOrder> openOrders,
            Instant now, Supplier<String> allocationIds) {
        Pass.requireOpen(commitments, openOrders, List.of());
        return new Pass(network, policy, now, allocationIds, commitments, openOrders, List.of()).run(true);
    }

    public RoutingPolicy policy() {
        return policy;
    }
}
