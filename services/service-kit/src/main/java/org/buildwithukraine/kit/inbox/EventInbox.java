package org.buildwithukraine.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.EventEnvelope;
import org.jboss.logging.Logger;

/**
 * Applies an inbound event once per consumer: the work runs in a transaction of its own
 * ({@link InboundTransactions}, with its retries and dead-lettering) that also records the event in the inbox
 * ({@link ProcessedEvents}), and only on the event's first delivery. Guarantee: the work's changes and the record
 * of the event commit together, so a redelivery (at-least-once delivery, outbox resends) changes nothing, and a
 * failed attempt leaves the event unrecorded, to be tried again. Failure mode: work outside the transaction (a
 * call to another system) is not undone with it and may be repeated.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final ProcessedEvents processed;

    public EventInbox(ProcessedEvents processed) {
        this.processed = processed;
    }

    public void applyOnce(String consumer, EventEnvelope envelope, Runnable work) {
        applyOnce(consumer, envelope, 0, work);
    }

    /** As {@link #applyOnce(String, EventEnvelope, Runnable)}, for work that already failed in a batch. */
    void applyOnce(String consumer, EventEnvelope envelope, int failedBefore, Runnable work) {
        InboundTransactions.run(envelope.type() + " " + envelope.eventId(), failedBefore, () -> {
            if (processed.firstDelivery(consumer, envelope.eventId())) {
                work.run();
            } else {
                LOG.debugf("%s: event %s seen before; ignored", consumer, envelope.eventId());
            }
        });
    }
}
