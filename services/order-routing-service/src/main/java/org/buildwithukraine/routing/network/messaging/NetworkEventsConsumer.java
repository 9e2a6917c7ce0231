package org.buildwithukraine.routing.network.messaging;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.factory.FactorySnapshot;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.events.licence.LicenceSnapshot;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.events.line.LineSnapshot;
import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.kit.inbox.InboundEvents;
import org.buildwithukraine.kit.inbox.InboundEvents.UnreadableEventException;
import org.buildwithukraine.kit.inbox.InboundTransactions;
import org.buildwithukraine.kit.inbox.ProcessedEvents;
import org.buildwithukraine.routing.order.service.NetworkChanges;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;

/**
 * The router's only source of truth about the network: factory, licence and line events. Each is applied once
 * (redeliveries are recognised by event id) in one transaction with the re-routing it causes; one that cannot be
 * read goes to its topic's dead-letter topic.
 */
@ApplicationScoped
public class NetworkEventsConsumer {

    static final String CONSUMER = "order-routing-service";
    private static final Logger LOG = Logger.getLogger(NetworkEventsConsumer.class);

    private final InboundEvents inbound;
    private final ProcessedEvents processed;
    private final NetworkChanges changes;

    public NetworkEventsConsumer(InboundEvents inbound, ProcessedEvents processed, NetworkChanges changes) {
        this.inbound = inbound;
        this.processed = processed;
        this.changes = changes;
    }

    @Incoming("factoryevents")
    @Blocking
    public void onFactoryEvent(String json) {
        handle(json, envelope -> changes.factory(inbound.payload(envelope, FactorySnapshot.class),
                envelope.occurredAt()));
    }

    @Incoming("licenceevents")
    @Blocking
    public void onLicenceEvent(String json) {
        handle(json, envelope -> {
            // unlicensed output is for the officers; the router plans with licences alone
            if (LicenceEventTypes.carriesLicenceSnapshot(envelope.type())) {
                changes.licence(envelope.type(), inbound.payload(envelope, LicenceSnapshot.class),
                        envelope.occurredAt());
            }
        });
    }

    @Incoming("linestatus")
    @Blocking
    public void onLineStatus(String json) {
        handle(json, envelope -> changes.line(envelope.type(), inbound.payload(envelope, LineSnapshot.class)));
    }

    @Incoming("lineoutput")
    @Blocking
    public void onLineOutput(String json) {
        handle(json, envelope -> {
            if (!LineEventTypes.OUTPUT_REPORTED.equals(envelope.type())) {
                throw new UnreadableEventException("Unexpected " + envelope.type() + " on line.output");
            }
            changes.output(inbound.payload(envelope, OutputReported.class));
        });
    }

    private void handle(String json, Consumer<EventEnvelope> apply) {
        EventEnvelope envelope = inbound.parse(json);
        InboundTransactions.run(envelope.type() + " " + envelope.eventId(), () -> {
            if (processed.firstDelivery(CONSUMER, envelope.eventId())) {
                apply.accept(envelope);
            } else {
                LOG.debugf("Event %s seen before; ignored", envelope.eventId());
            }
        });
    }
}
