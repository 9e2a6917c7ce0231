package org.buildwithukraine.licence.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.buildwithukraine.kit.inbox.SnapshotProjector;
import org.buildwithukraine.kit.tracing.EventTracing;
import org.buildwithukraine.licence.service.FactoryView;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** factory.events → the local view of factories (and the suspension cascade), each event applied once. */
@ApplicationScoped
public class FactoryEventsConsumer {

    private final SnapshotProjector projector;
    private final FactoryView factories;
    private final EventTracing tracing;

    public FactoryEventsConsumer(SnapshotProjector projector, FactoryView factories, EventTracing tracing) {
        this.projector = projector;
        this.factories = factories;
        this.tracing = tracing;
    }

    @Incoming("factoryevents")
    @Blocking
    public void onFactoryEvent(ConsumerRecord<String, String> record) {
        tracing.apply(record, json -> projector.project(json, factories));
    }
}
