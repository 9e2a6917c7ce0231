package org.buildwithukraine.events;

/** Categories of Ukrainian defence technology; factories declare them as capabilities. */
public enum TechnologyCategory {
    FPV_DRONE,
    RECON_UAV,
    LONG_RANGE_UAV,
    LOITERING_MUNITION,
    INTERCEPTOR_UAV,
    MARITIME_DRONE,
    UNMANNED_GROUND_VEHICLE,
    ELECTRONIC_WARFARE,
    COUNTER_UAS
}
