package org.buildwithukraine.line;

public enum AllocationStatus {
    /** Receives good units reported by its line. */
    OPEN,
    /** Everything planned has been produced. */
    FULFILLED,
    /** Withdrawn by the order router; receives no further units. */
    CANCELLED
}
