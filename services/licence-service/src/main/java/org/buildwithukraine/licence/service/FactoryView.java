package org.buildwithukraine.licence.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.factory.FactorySnapshot;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.kit.inbox.RequiredFields;
import org.buildwithukraine.kit.inbox.SnapshotProjection;
import org.buildwithukraine.licence.KnownFactory;

/**
 * The local view of factories from their snapshots on factory.events, whatever the event type; the factory's
 * licences follow a change of its status.
 */
@ApplicationScoped
public class FactoryView implements SnapshotProjection<FactorySnapshot, KnownFactory, FactoryStatus> {

    private final LicenceService licences;

    public FactoryView(LicenceService licences) {
        this.licences = licences;
    }

    @Override
    public String consumer() {
        return "licence-service.factory-view";
    }

    @Override
    public Class<FactorySnapshot> snapshotType() {
        return FactorySnapshot.class;
    }

    @Override
    public Class<KnownFactory> viewType() {
        return KnownFactory.class;
    }

    @Override
    public String key(FactorySnapshot snapshot) {
        return snapshot.id();
    }

    @Override
    public List<String> missingFields(FactorySnapshot snapshot) {
        return RequiredFields.of().field("name", snapshot.name()).field("country", snapshot.country())
                .field("kind", snapshot.kind()).field("status", snapshot.status()).missing();
    }

    @Override
    public KnownFactory upsert(KnownFactory current, FactorySnapshot snapshot, EventEnvelope envelope) {
        KnownFactory factory = current;
        if (factory == null) {
            factory = new KnownFactory();
            factory.id = snapshot.id();
        }
        factory.name = snapshot.name();
        factory.country = snapshot.country();
        factory.kind = snapshot.kind();
        factory.status = snapshot.status();
        factory.statusReason = snapshot.statusReason();
        return factory;
    }

    @Override
    public FactoryStatus watched(KnownFactory factory) {
        return factory == null ? null : factory.status;
    }

    @Override
    public void followUp(EventEnvelope envelope, FactorySnapshot snapshot, KnownFactory factory,
            FactoryStatus before) {
        if (before != null && before != factory.status) {
            String actor = envelope.actor() != null ? envelope.actor() : "system:factory-events";
            licences.factoryStatusChanged(factory.id, before, factory.status, actor);
        }
    }
}
