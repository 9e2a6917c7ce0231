package org.buildwithukraine.licence.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.kit.inbox.SnapshotProjector;
import org.buildwithukraine.licence.service.FactoryView;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** factory.events → the local view of factories (and the suspension cascade), each event applied once. */
@ApplicationScoped
public class FactoryEventsConsumer {

    private final SnapshotProjector projector;
    private final FactoryView factories;

    public FactoryEventsConsumer(SnapshotProjector projector, FactoryView factories) {
        this.projector = projector;
        this.factories = factories;
    }

    @Incoming("factoryevents")
    @Blocking
    public void onFactoryEvent(String json) {
        projector.project(json, factories);
    }
}
