package org.buildwithukraine.licence.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.kit.inbox.EventInbox;
import org.buildwithukraine.kit.inbox.InboundEvents;
import org.buildwithukraine.kit.inbox.InboundEvents.UnreadableEventException;
import org.buildwithukraine.kit.tracing.EventTracing;
import org.buildwithukraine.licence.service.QuotaLedger;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** line.output → the quota ledger: each OutputReported counted once, however often it is delivered. */
@ApplicationScoped
public class LineOutputConsumer {

    static final String CONSUMER = "licence-service.quota-ledger";

    private final InboundEvents inbound;
    private final EventInbox inbox;
    private final QuotaLedger ledger;
    private final EventTracing tracing;

    public LineOutputConsumer(InboundEvents inbound, EventInbox inbox, QuotaLedger ledger, EventTracing tracing) {
        this.inbound = inbound;
        this.inbox = inbox;
        this.ledger = ledger;
        this.tracing = tracing;
    }

    @Incoming("lineoutput")
    @Blocking
    public void onLineOutput(ConsumerRecord<String, String> record) {
        tracing.apply(record, json -> {
            EventEnvelope envelope = inbound.parse(json);
            if (!LineEventTypes.OUTPUT_REPORTED.equals(envelope.type())) {
                return;
            }
            OutputReported output = inbound.payload(envelope, OutputReported.class);
            if (output.lineId() == null || output.factoryId() == null || output.technologyCode() == null
                    || output.reportId() == null || output.observedAt() == null || output.goodUnits() < 0) {
                throw new UnreadableEventException("Output event " + envelope.eventId() + " is incomplete or negative");
            }
            inbox.applyOnce(CONSUMER, envelope, () -> ledger.record(envelope.eventId(),
                    envelope.actor() != null ? envelope.actor() : "system:line-output", output));
        });
    }
}
