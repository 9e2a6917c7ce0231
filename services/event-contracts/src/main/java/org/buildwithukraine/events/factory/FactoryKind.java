package org.buildwithukraine.events.factory;

public enum FactoryKind {
    MANUFACTURER,
    EXPORT_CENTRE
}
