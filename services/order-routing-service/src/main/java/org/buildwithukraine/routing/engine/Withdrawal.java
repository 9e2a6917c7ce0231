package org.buildwithukraine.routing.engine;

/** An allocation taken off its line; its unproduced units go back to the order's queue. */
public record Withdrawal(Allocation allocation, String reason) {
}
