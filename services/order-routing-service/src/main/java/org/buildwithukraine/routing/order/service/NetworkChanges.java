package org.buildwithukraine.routing.order.service;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.factory.FactorySnapshot;
import org.buildwithukraine.events.licence.LicenceSnapshot;
import org.buildwithukraine.events.line.LineSnapshot;
import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.routing.network.service.NetworkViews;
import org.buildwithukraine.routing.order.CustomerOrder;

/**
 * What routing does when the network changes: the read model takes the change, then every technology it touches
 * is routed again, under that technology's lock, in the transaction that recorded the event as processed.
 */
@ApplicationScoped
public class NetworkChanges {

    /** Decisions made because of events are the router's own, not those of whoever caused the event. */
    public static final String ACTOR = "system:order-routing";

    private final NetworkViews views;
    private final RoutingLocks locks;
    private final Router router;
    private final ProductionProgress production;
    private final EntityManager entityManager;

    public NetworkChanges(NetworkViews views, RoutingLocks locks, Router router, ProductionProgress production,
            EntityManager entityManager) {
        this.views = views;
        this.locks = locks;
        this.router = router;
        this.production = production;
        this.entityManager = entityManager;
    }

    /** Suspension or reinstatement: its lines' work, and exports leaving through it, are routed again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void factory(FactorySnapshot factory, Instant occurredAt) {
        locks.wholeNetwork();
        if (!views.factory(factory, occurredAt)) {
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
        technologies.forEach(technology -> router.route(technology, List.of(), true, trigger, ACTOR));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void licence(String eventType, LicenceSnapshot licence, Instant occurredAt) {
        locks.technologies(Set.of(licence.technologyCode()));
        views.licence(licence, occurredAt);
        router.route(licence.technologyCode(), List.of(), true, "licence " + licence.licenceId() + " for "
                + licence.technologyCode() + " at " + licence.factoryId() + ": " + eventType
                + (licence.statusReason() == null ? "" : " (" + licence.statusReason() + ")"), ACTOR);
    }

    /** A line changing technology affects both the one it leaves and the one it takes up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void line(String eventType, LineSnapshot line) {
        String previous = views.technologyOf(line.lineId());
        Set<String> technologies = new TreeSet<>();
        technologies.add(line.technologyCode());
        if (previous != null) {
            technologies.add(previous);
        }
        locks.technologies(technologies);
        views.line(line);
        String trigger = "line " + line.lineId() + " " + line.state()
                + (line.downtimeReason() == null ? "" : " (" + line.downtimeReason() + ")") + ": " + eventType;
        technologies.forEach(technology -> router.route(technology, List.of(), true, trigger, ACTOR));
    }

    /** Built units advance their orders and free capacity for what waits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void output(OutputReported output) {
        locks.technologies(Set.of(output.technologyCode()));
        views.output(output);
        production.apply(output, ACTOR);
        router.route(output.technologyCode(), List.of(), false,
                "line " + output.lineId() + " reported " + output.goodUnits() + " good units", ACTOR);
    }

    /** Waiting orders are tried again and placed work re-checked, also when no event arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retry(String technologyCode) {
        locks.technologies(Set.of(technologyCode));
        router.route(technologyCode, List.of(), true, "periodic re-check of placed and waiting orders", ACTOR);
    }
}
