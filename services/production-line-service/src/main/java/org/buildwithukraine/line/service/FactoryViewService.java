package org.buildwithukraine.line.service;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.factory.FactorySnapshot;
import org.buildwithukraine.kit.inbox.RequiredFields;
import org.buildwithukraine.kit.inbox.SnapshotProjection;
import org.buildwithukraine.line.KnownFactory;

/** Keeps the local view of factories from factory.events, so that no request has to ask the factory service. */
@ApplicationScoped
public class FactoryViewService implements SnapshotProjection<FactorySnapshot, KnownFactory, Void> {

    private static final Set<String> SNAPSHOT_EVENTS = Set.of(FactoryEventTypes.REGISTERED,
            FactoryEventTypes.UPDATED, FactoryEventTypes.ACTIVATED, FactoryEventTypes.SUSPENDED,
            FactoryEventTypes.REINSTATED);

    @Override
    public String consumer() {
        return "production-line.factory-view";
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
    public boolean carriesSnapshot(String eventType) {
        return SNAPSHOT_EVENTS.contains(eventType);
    }

    @Override
    public String key(FactorySnapshot snapshot) {
        return snapshot.id();
    }

    @Override
    public List<String> missingFields(FactorySnapshot snapshot) {
        return RequiredFields.of().field("kind", snapshot.kind()).field("status", snapshot.status()).missing();
    }

    @Override
    public KnownFactory upsert(KnownFactory current, FactorySnapshot snapshot, EventEnvelope envelope) {
        KnownFactory factory = current;
        if (factory == null) {
            factory = new KnownFactory();
            factory.id = snapshot.id();
        }
        factory.name = snapshot.name() == null ? snapshot.id() : snapshot.name();
        factory.kind = snapshot.kind();
        factory.status = snapshot.status();
        return factory;
    }
}
