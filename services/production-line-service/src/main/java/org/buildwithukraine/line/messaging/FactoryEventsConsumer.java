package org.buildwithukraine.line.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.buildwithukraine.kit.inbox.SnapshotProjector;
import org.buildwithukraine.kit.tracing.EventTracing;
import org.buildwithukraine.line.service.FactoryViewService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** factory.events → the local view of factories; what cannot be read goes to factory.events.dlq. */
@ApplicationScoped
public class FactoryEventsConsumer {

    private final SnapshotProjector projector;
    private final FactoryViewService factories;
    private final EventTracing tracing;

    public FactoryEventsConsumer(SnapshotProjector projector, FactoryViewService factories, EventTracing tracing) {
        this.projector = projector;
        this.factories = factories;
        this.tracing = tracing;
    }

    @Incoming("factoryevents")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        tracing.apply(record, json -> projector.project(json, factories));
    }
}
