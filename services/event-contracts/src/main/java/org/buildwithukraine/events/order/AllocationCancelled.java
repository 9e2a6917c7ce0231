package org.buildwithukraine.events.order;

/**
 * An allocation withdrawn from its line (line down, licence or factory suspended, order cancelled); units
 * reported afterwards are no longer counted towards it.
 */
public record AllocationCancelled(String allocationId, String orderId, String lineId, String reason) {
}
