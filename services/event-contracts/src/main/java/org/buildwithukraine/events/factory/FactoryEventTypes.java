package org.buildwithukraine.events.factory;

/** Event types on {@code factory.events}. Every one carries the full {@link FactorySnapshot}. */
public final class FactoryEventTypes {

    public static final String REGISTERED = "FactoryRegistered";
    public static final String UPDATED = "FactoryUpdated";
    /** Onboarding finished: the factory becomes ACTIVE for the first time. */
    public static final String ACTIVATED = "FactoryActivated";
    public static final String SUSPENDED = "FactorySuspended";
    public static final String REINSTATED = "FactoryReinstated";

    public static final int SCHEMA_VERSION = 1;

    private FactoryEventTypes() {
    }
}
