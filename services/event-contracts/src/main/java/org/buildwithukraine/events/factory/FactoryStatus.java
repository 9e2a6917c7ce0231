package org.buildwithukraine.events.factory;

public enum FactoryStatus {
    ONBOARDING,
    ACTIVE,
    SUSPENDED
}
