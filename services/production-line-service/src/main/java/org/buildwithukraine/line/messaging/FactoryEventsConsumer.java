package org.buildwithukraine.line.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.kit.inbox.InboundEvents;
import org.buildwithukraine.kit.inbox.InboundTransactions;
import org.buildwithukraine.line.service.FactoryViewService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** factory.events → the local view of factories; what cannot be read goes to factory.events.dlq. */
@ApplicationScoped
public class FactoryEventsConsumer {

    private final InboundEvents inbound;
    private final FactoryViewService factories;

    public FactoryEventsConsumer(InboundEvents inbound, FactoryViewService factories) {
        this.inbound = inbound;
        this.factories = factories;
    }

    @Incoming("factoryevents")
    @Blocking
    public void consume(String json) {
        EventEnvelope envelope = Envelopes.timed(inbound.parse(json));
        InboundTransactions.run(envelope.type() + " " + envelope.eventId(), () -> factories.apply(envelope));
    }
}
