package org.buildwithukraine.factory;

import java.util.Arrays;
import java.util.Optional;

import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.factory.FactoryStatus;

/** The legal status changes of a factory, ONBOARDING → ACTIVE ⇄ SUSPENDED, and the event each one emits. */
public enum StatusTransition {

    ACTIVATE(FactoryStatus.ONBOARDING, FactoryStatus.ACTIVE, FactoryEventTypes.ACTIVATED),
    SUSPEND(FactoryStatus.ACTIVE, FactoryStatus.SUSPENDED, FactoryEventTypes.SUSPENDED),
    REINSTATE(FactoryStatus.SUSPENDED, FactoryStatus.ACTIVE, FactoryEventTypes.REINSTATED);

    private final FactoryStatus from;
    private final FactoryStatus to;
    private final String eventType;

    StatusTransition(FactoryStatus from, FactoryStatus to, String eventType) {
        this.from = from;
        this.to = to;
        this.eventType = eventType;
    }

    /** The transition from one status to another, or empty when that change is not allowed. */
    public static Optional<StatusTransition> between(FactoryStatus from, FactoryStatus to) {
        return Arrays.stream(values()).filter(t -> t.from == from && t.to == to).findFirst();
    }

    public FactoryStatus target() {
        return to;
    }

    public String eventType() {
        return eventType;
    }
}
