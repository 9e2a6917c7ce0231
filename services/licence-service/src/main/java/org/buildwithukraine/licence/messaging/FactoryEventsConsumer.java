package org.buildwithukraine.licence.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.factory.FactorySnapshot;
import org.buildwithukraine.kit.inbox.InboundEvents;
import org.buildwithukraine.kit.inbox.InboundEvents.UnreadableEventException;
import org.buildwithukraine.kit.inbox.InboundTransactions;
import org.buildwithukraine.kit.inbox.ProcessedEvents;
import org.buildwithukraine.licence.service.FactoryView;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** factory.events → the local view of factories (and the suspension cascade), each event applied once. */
@ApplicationScoped
public class FactoryEventsConsumer {

    static final String CONSUMER = "licence-service.factory-view";

    private final InboundEvents inbound;
    private final ProcessedEvents processed;
    private final FactoryView factories;

    public FactoryEventsConsumer(InboundEvents inbound, ProcessedEvents processed, FactoryView factories) {
        this.inbound = inbound;
        this.processed = processed;
        this.factories = factories;
    }

    @Incoming("factoryevents")
    @Blocking
    public void onFactoryEvent(String json) {
        EventEnvelope envelope = inbound.parse(json);
        FactorySnapshot snapshot = inbound.payload(envelope, FactorySnapshot.class);
        if (snapshot.id() == null || !snapshot.id().equals(envelope.aggregateId()) || snapshot.name() == null
                || snapshot.country() == null || snapshot.kind() == null || snapshot.status() == null
                || envelope.occurredAt() == null) {
            throw new UnreadableEventException("Factory event " + envelope.eventId() + " has an incomplete snapshot");
        }
        InboundTransactions.run(envelope.type() + " " + envelope.eventId(), () -> {
            if (processed.firstDelivery(CONSUMER, envelope.eventId())) {
                factories.apply(envelope, snapshot);
            }
        });
    }
}
