package org.buildwithukraine.events.line;

/** Why a line is DOWN. */
public enum DowntimeReason {
    BREAKDOWN,
    MATERIAL_SHORTAGE,
    QUALITY_HOLD,
    POWER,
    SECURITY,
    OTHER
}
