package org.buildwithukraine.routing.order.service;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactorySnapshot;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.kit.inbox.RequiredFields;
import org.buildwithukraine.kit.inbox.SnapshotProjection;
import org.buildwithukraine.routing.network.FactoryView;
import org.buildwithukraine.routing.network.service.NetworkViews;
import org.buildwithukraine.routing.order.CustomerOrder;

/**
 * factory.events into the router's factory view. Suspension or reinstatement (a change of kind or status): its
 * lines' work, and exports leaving through it, are routed again.
 */
@ApplicationScoped
public class FactoryChanges implements SnapshotProjection<FactorySnapshot, FactoryView, FactoryChanges.Role> {

    /** All routing cares about in a factory. */
    public record Role(FactoryKind kind, FactoryStatus status) {
    }

    private final NetworkViews views;
    private final RoutingLocks locks;
    private final Router router;
    private final EntityManager entityManager;

    public FactoryChanges(NetworkViews views, RoutingLocks locks, Router router, EntityManager entityManager) {
        this.views = views;
        this.locks = locks;
        this.router = router;
        this.entityManager = entityManager;
    }

    @Override
    public String consumer() {
        return NetworkChanges.INBOX;
    }

    @Override
    public Class<FactorySnapshot> snapshotType() {
        return FactorySnapshot.class;
    }

    @Override
    public Class<FactoryView> viewType() {
        return FactoryView.class;
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
    public void lockForFollowUp(FactorySnapshot snapshot) {
        locks.wholeNetwork();
    }

    @Override
    public FactoryView upsert(FactoryView current, FactorySnapshot snapshot, EventEnvelope envelope) {
        return views.factory(current, snapshot, envelope.occurredAt());
    }

    @Override
    public Role watched(FactoryView view) {
        return view == null ? null : new Role(view.kind, view.status);
    }

    @Override
    public void followUp(EventEnvelope envelope, FactorySnapshot factory, FactoryView view, Role before) {
        if (new Role(view.kind, view.status).equals(before)) {
            return;
        }
        Set<String> technologies = new TreeSet<>(entityManager
                .createQuery("select distinct technologyCode from LineView where factoryId = :factory", String.class)
                .setParameter("factory", factory.id()).getResultList());
        technologies.addAll(entityManager.createQuery("""
                select distinct technologyCode from CustomerOrder
                where exportCentreId = :factory and customerClass = :export and state in :open""", String.class)
                .setParameter("factory", factory.id())
                .setParameter("export", CustomerClass.EXPORT)
                .setParameter("open", CustomerOrder.OPEN)
                .getResultList());
        String trigger = "factory " + factory.id() + " " + factory.status().name().toLowerCase(Locale.ROOT)
                + (factory.statusReason() == null ? "" : ": " + factory.statusReason());
        technologies.forEach(technology -> router.route(technology, true, trigger, NetworkChanges.ACTOR));
    }
}
