package org.buildwithukraine.routing.network.messaging;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.kit.inbox.EventBatches;
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
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The router's only source of truth about the network: factory, licence and line events. Each is applied once
 * (redeliveries are recognised by event id) in one transaction with the re-routing it causes (output reports: the
 * reports of one poll together, see {@link EventBatches}); one that cannot be read goes to its topic's dead-letter
 * topic.
 */
@ApplicationScoped
public class NetworkEventsConsumer {

    private final InboundEvents inbound;
    private final SnapshotProjector projector;
    private final EventBatches batches;
    private final FactoryChanges factories;
    private final LicenceChanges licences;
    private final LineChanges lines;
    private final NetworkChanges changes;
    private final EventTracing tracing;

    public NetworkEventsConsumer(InboundEvents inbound, SnapshotProjector projector, EventBatches batches,
            FactoryChanges factories, LicenceChanges licences, LineChanges lines, NetworkChanges changes,
            EventTracing tracing) {
        this.inbound = inbound;
        this.projector = projector;
        this.batches = batches;
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

    /** A licence's quota changes with each output report it covers: a poll's changes in one transaction. */
    @Incoming("licenceevents")
    @Blocking
    public CompletionStage<Void> onLicenceEvents(KafkaRecordBatch<String, String> batch) {
        return projector.projectAll(batch, licences);
    }

    @Incoming("linestatus")
    @Blocking
    public void onLineStatus(ConsumerRecord<String, String> record) {
        tracing.apply(record, json -> projector.project(json, lines));
    }

    /** The output of a poll in one transaction: each technology it touches is routed once, not once per report. */
    @Incoming("lineoutput")
    @Blocking
    public CompletionStage<Void> onLineOutput(KafkaRecordBatch<String, String> batch) {
        return batches.applyOnce(NetworkChanges.INBOX, batch, this::output, changes::outputs);
    }

    private Optional<OutputReported> output(EventEnvelope envelope) {
        if (!LineEventTypes.OUTPUT_REPORTED.equals(envelope.type())) {
            throw new UnreadableEventException("Unexpected " + envelope.type() + " on line.output");
        }
        return Optional.of(inbound.payload(envelope, OutputReported.class));
    }
}
