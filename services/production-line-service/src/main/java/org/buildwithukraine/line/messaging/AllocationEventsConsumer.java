package org.buildwithukraine.line.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.kit.inbox.InboundEvents;
import org.buildwithukraine.kit.inbox.InboundTransactions;
import org.buildwithukraine.line.service.AllocationService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** order.allocations → allocations of this region's lines; what cannot be read goes to order.allocations.dlq. */
@ApplicationScoped
public class AllocationEventsConsumer {

    private final InboundEvents inbound;
    private final AllocationService allocations;

    public AllocationEventsConsumer(InboundEvents inbound, AllocationService allocations) {
        this.inbound = inbound;
        this.allocations = allocations;
    }

    @Incoming("allocations")
    @Blocking
    public void consume(String json) {
        EventEnvelope envelope = Envelopes.timed(inbound.parse(json));
        InboundTransactions.run(envelope.type() + " " + envelope.eventId(), () -> allocations.apply(envelope));
    }
}
