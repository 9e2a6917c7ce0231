package org.buildwithukraine.licence.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.factory.FactorySnapshot;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.licence.KnownFactory;
import org.jboss.logging.Logger;

/**
 * Keeps the local view of factories from their snapshots on factory.events, whatever the event type, and lets
 * the factory's licences follow a change of its status.
 */
@ApplicationScoped
public class FactoryView {

    private static final Logger LOG = Logger.getLogger(FactoryView.class);

    private final LicenceService licences;

    public FactoryView(LicenceService licences) {
        this.licences = licences;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope, FactorySnapshot snapshot) {
        KnownFactory factory = KnownFactory.findById(snapshot.id(), LockModeType.PESSIMISTIC_WRITE);
        if (factory != null && envelope.occurredAt().isBefore(factory.asOf)) {
            LOG.infof("Ignoring %s %s of %s: older than the state already known", envelope.type(),
                    envelope.eventId(), snapshot.id());
            return;
        }
        FactoryStatus before = factory == null ? null : factory.status;
        if (factory == null) {
            factory = new KnownFactory();
            factory.id = snapshot.id();
        }
        factory.name = snapshot.name();
        factory.country = snapshot.country();
        factory.kind = snapshot.kind();
        factory.status = snapshot.status();
        factory.statusReason = snapshot.statusReason();
        factory.asOf = envelope.occurredAt();
        factory.persist();
        if (before != null && before != factory.status) {
            String actor = envelope.actor() != null ? envelope.actor() : "system:factory-events";
            licences.factoryStatusChanged(factory.id, before, factory.status, actor);
        }
    }
}
