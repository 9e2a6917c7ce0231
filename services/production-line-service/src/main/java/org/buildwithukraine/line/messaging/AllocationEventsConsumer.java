package org.buildwithukraine.line.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.kit.inbox.InboundEvents;
import org.buildwithukraine.kit.inbox.InboundTransactions;
import org.buildwithukraine.kit.tracing.EventTracing;
import org.buildwithukraine.line.service.AllocationService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** order.allocations → allocations of this region's lines; what cannot be read goes to order.allocations.dlq. */
@ApplicationScoped
public class AllocationEventsConsumer {

    private final InboundEvents inbound;
    private final AllocationService allocations;
    private final EventTracing tracing;

    public AllocationEventsConsumer(InboundEvents inbound, AllocationService allocations, EventTracing tracing) {
        this.inbound = inbound;
        this.allocations = allocations;
        this.tracing = tracing;
    }

    @Incoming("allocations")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        tracing.apply(record, json -> {
            EventEnvelope envelope = Envelopes.timed(inbound.parse(json));
            InboundTransactions.run(envelope.type() + " " + envelope.eventId(), () -> allocations.apply(envelope));
        });
    }
}
