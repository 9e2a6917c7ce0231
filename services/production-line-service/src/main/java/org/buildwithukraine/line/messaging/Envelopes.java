package org.buildwithukraine.line.messaging;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.kit.inbox.InboundEvents.UnreadableEventException;

final class Envelopes {

    private Envelopes() {
    }

    /** Allocations are dated by their event's time, so an event without one cannot be applied. */
    static EventEnvelope timed(EventEnvelope envelope) {
        if (envelope.occurredAt() == null) {
            throw new UnreadableEventException("Event " + envelope.eventId() + " has no occurredAt");
        }
        return envelope;
    }
}
