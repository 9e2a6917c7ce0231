package org.buildwithukraine.line.service;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.factory.FactorySnapshot;
import org.buildwithukraine.kit.inbox.InboundEvents;
import org.buildwithukraine.kit.inbox.ProcessedEvents;
import org.buildwithukraine.line.KnownFactory;

/** Keeps the local view of factories from factory.events, so that no request has to ask the factory service. */
@ApplicationScoped
public class FactoryViewService {

    static final String CONSUMER = "production-line.factory-view";

    private static final Set<String> SNAPSHOT_EVENTS = Set.of(FactoryEventTypes.REGISTERED,
            FactoryEventTypes.UPDATED, FactoryEventTypes.ACTIVATED, FactoryEventTypes.SUSPENDED,
            FactoryEventTypes.REINSTATED);

    private final InboundEvents inbound;
    private final ProcessedEvents processed;

    public FactoryViewService(InboundEvents inbound, ProcessedEvents processed) {
        this.inbound = inbound;
        this.processed = processed;
    }

    @Transactional
    public void apply(EventEnvelope event) {
        if (!SNAPSHOT_EVENTS.contains(event.type())) {
            return;
        }
        FactorySnapshot snapshot = inbound.payload(event, FactorySnapshot.class);
        if (snapshot.id() == null || snapshot.kind() == null || snapshot.status() == null) {
            throw new InboundEvents.UnreadableEventException(
                    event.type() + " " + event.eventId() + " has no factory id, kind or status");
        }
        if (!processed.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        KnownFactory factory = KnownFactory.findById(snapshot.id(), LockModeType.PESSIMISTIC_WRITE);
        if (factory == null) {
            factory = new KnownFactory();
            factory.id = snapshot.id();
        } else if (event.occurredAt().isBefore(factory.asOf)) {
            // an older snapshot arriving late must not undo a newer one (e.g. reinstate a suspended factory)
            return;
        }
        factory.name = snapshot.name() == null ? snapshot.id() : snapshot.name();
        factory.kind = snapshot.kind();
        factory.status = snapshot.status();
        factory.asOf = event.occurredAt();
        factory.persist();
    }
}
