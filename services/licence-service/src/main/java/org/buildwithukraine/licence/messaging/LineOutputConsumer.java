package org.buildwithukraine.licence.messaging;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.kit.inbox.EventBatches;
import org.buildwithukraine.kit.inbox.EventBatches.Inbound;
import org.buildwithukraine.kit.inbox.InboundEvents;
import org.buildwithukraine.kit.inbox.InboundEvents.UnreadableEventException;
import org.buildwithukraine.licence.service.QuotaLedger;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * line.output → the quota ledger: each OutputReported counted once, however often it is delivered; the reports of
 * one poll in one transaction ({@link EventBatches}).
 */
@ApplicationScoped
public class LineOutputConsumer {

    static final String CONSUMER = "licence-service.quota-ledger";

    /**
     * The ledger locks the licences of a report's factory and technology until the batch commits; taking the
     * reports of a batch in this order (stable: a line's reports stay in their order) makes every batch lock them
     * in the same order, so that two consumers' batches never wait for each other in a circle.
     */
    private static final Comparator<Inbound<OutputReported>> LOCK_ORDER = Comparator
            .comparing((Inbound<OutputReported> output) -> output.payload().factoryId())
            .thenComparing(output -> output.payload().technologyCode());

    private final InboundEvents inbound;
    private final EventBatches batches;
    private final QuotaLedger ledger;

    public LineOutputConsumer(InboundEvents inbound, EventBatches batches, QuotaLedger ledger) {
        this.inbound = inbound;
        this.batches = batches;
        this.ledger = ledger;
    }

    @Incoming("lineoutput")
    @Blocking
    public CompletionStage<Void> onLineOutput(KafkaRecordBatch<String, String> batch) {
        return batches.applyOnce(CONSUMER, batch, this::output, this::record);
    }

    private Optional<OutputReported> output(EventEnvelope envelope) {
        if (!LineEventTypes.OUTPUT_REPORTED.equals(envelope.type())) {
            return Optional.empty();
        }
        OutputReported output = inbound.payload(envelope, OutputReported.class);
        if (output.lineId() == null || output.factoryId() == null || output.technologyCode() == null
                || output.reportId() == null || output.observedAt() == null || output.goodUnits() < 0) {
            throw new UnreadableEventException("Output event " + envelope.eventId() + " is incomplete or negative");
        }
        return Optional.of(output);
    }

    private void record(List<Inbound<OutputReported>> outputs) {
        QuotaLedger.Poll poll = ledger.poll();
        outputs.stream().sorted(LOCK_ORDER).forEach(output -> output.run(() -> poll.record(output.eventId(),
                output.envelope().actor() != null ? output.envelope().actor() : "system:line-output",
                output.payload())));
        poll.announce();
    }
}
