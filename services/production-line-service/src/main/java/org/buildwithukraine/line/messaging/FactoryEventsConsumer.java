package org.buildwithukraine.line.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.kit.inbox.SnapshotProjector;
import org.buildwithukraine.line.service.FactoryViewService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** factory.events → the local view of factories; what cannot be read goes to factory.events.dlq. */
@ApplicationScoped
public class FactoryEventsConsumer {

    private final SnapshotProjector projector;
    private final FactoryViewService factories;

    public FactoryEventsConsumer(SnapshotProjector projector, FactoryViewService factories) {
        this.projector = projector;
        this.factories = factories;
    }

    @Incoming("factoryevents")
    @Blocking
    public void consume(String json) {
        projector.project(json, factories);
    }
}
