package org.buildwithukraine.routing.network.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.kit.inbox.EventInbox;
import org.buildwithukraine.kit.inbox.InboundEvents;
import org.buildwithukraine.kit.inbox.InboundEvents.UnreadableEventException;
import org.buildwithukraine.kit.inbox.SnapshotProjector;
import org.buildwithukraine.kit.tracing.EventTracing;
import org.buildwithukraine.routing.order.service.FactoryChanges;
import org.buildwithukraine.routing.order.service.LicenceChanges;
import org.buildwithukraine.routing.order.service.LineChanges;
import org.buildwithukraine.routing.order.service.NetworkChanges;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * The router's only source of truth about the network: factory, licence and line events. Each is applied once
 * (redeliveries are recognised by event id) in one transaction with the re-routing it causes; one that cannot be
 * read goes to its topic's dead-letter topic.
 */
@ApplicationScoped
public class NetworkEventsConsumer {

    private final InboundEvents inbound;
    private final SnapshotProjector projector;
    private final EventInbox inbox;
    private final FactoryChanges factories;
    private final LicenceChanges licences;
    private final LineChanges lines;
    private final NetworkChanges changes;
    private final EventTracing tracing;

    public NetworkEventsConsumer(InboundEvents inbound, SnapshotProjector projector, EventInbox inbox,
            FactoryChanges factories, LicenceChanges licences, LineChanges lines, NetworkChanges changes,
            EventTracing tracing) {
        this.inbound = inbound;
        this.projector = projector;
        this.inbox = inbox;
        this.factories = factories;
        this.licences = licences;
        this.lines = lines;
        this.changes = changes;
        this.tracing = tracing;
    }

    @Incoming("factoryevents")
    @Blocking
    public void onFactoryEvent(ConsumerRecord<String, String> record) {
        tracing.apply(record, json -> projector.project(json, factories));
    }

    @Incoming("licenceevents")
    @Blocking
    public void onLicenceEvent(ConsumerRecord<String, String> record) {
        tracing.apply(record, json -> projector.project(json, licences));
    }

    @Incoming("linestatus")
    @Blocking
    public void onLineStatus(ConsumerRecord<String, String> record) {
        tracing.apply(record, json -> projector.project(json, lines));
    }

    @Incoming("lineoutput")
    @Blocking
    public void onLineOutput(ConsumerRecord<String, String> record) {
        tracing.apply(record, json -> {
            EventEnvelope envelope = inbound.parse(json);
            if (!LineEventTypes.OUTPUT_REPORTED.equals(envelope.type())) {
                throw new UnreadableEventException("Unexpected " + envelope.type() + " on line.output");
            }
            OutputReported output = inbound.payload(envelope, OutputReported.class);
            inbox.applyOnce(NetworkChanges.INBOX, envelope, () -> changes.output(output));
        });
    }
}
