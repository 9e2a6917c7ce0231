package org.buildwithukraine.events.line;

public enum LineState {
    RUNNING,
    IDLE,
    DOWN,
    MAINTENANCE,
    RETOOLING
}
