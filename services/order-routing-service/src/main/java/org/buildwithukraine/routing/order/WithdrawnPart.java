package org.buildwithukraine.routing.order;

import org.buildwithukraine.routing.engine.Withdrawal;

/**
 * An allocation a routing decision took off its line.
 *
 * @param produced units built under it, which stay counted for the order
 */
public record WithdrawnPart(String allocationId, String lineId, long quantity, long produced, String reason) {

    public static WithdrawnPart of(Withdrawal withdrawal) {
        return new WithdrawnPart(withdrawal.allocation().id(), withdrawal.allocation().lineId(),
                withdrawal.allocation().quantity(), withdrawal.allocation().produced(), withdrawal.reason());
    }

    /** An allocation as it was cancelled, with its reason. */
    public static WithdrawnPart of(OrderAllocation cancelled) {
        return new WithdrawnPart(cancelled.id(), cancelled.lineId(), cancelled.quantity(), cancelled.produced(),
                cancelled.cancelReason());
    }
}
