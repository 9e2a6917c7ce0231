package org.buildwithukraine.factory.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.factory.Factory;
import org.buildwithukraine.kit.outbox.Outbox;

/** Writes factory events to the outbox, in the transaction of the change; the relay puts them on factory.events. */
@ApplicationScoped
public class FactoryEvents {

    private final Outbox outbox;

    public FactoryEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void emit(String eventType, Factory factory, String actor) {
        outbox.record(Topics.FACTORY_EVENTS, factory.id(), eventType, FactoryEventTypes.SCHEMA_VERSION, actor,
                factory.snapshot());
    }
}
