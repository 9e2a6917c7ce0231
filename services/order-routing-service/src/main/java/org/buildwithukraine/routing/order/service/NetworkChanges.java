package org.buildwithukraine.routing.order.service;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.routing.network.service.NetworkViews;

/**
 * What routing does when the network changes: the read model takes the change, then every technology it touches
 * is routed again, under that technology's lock, in the transaction that recorded the event as processed. Factory,
 * licence and line snapshots come through {@link FactoryChanges}, {@link LicenceChanges} and {@link LineChanges};
 * output reports and the periodic re-check come here.
 */
@ApplicationScoped
public class NetworkChanges {

    /** Decisions made because of events are the router's own, not those of whoever caused the event. */
    public static final String ACTOR = "system:order-routing";
    /** The router's name in its inbox, for every topic it reads. */
    public static final String INBOX = "order-routing-service";

    private final NetworkViews views;
    private final RoutingLocks locks;
    private final Router router;
    private final ProductionProgress production;

    public NetworkChanges(NetworkViews views, RoutingLocks locks, Router router, ProductionProgress production) {
        this.views = views;
        this.locks = locks;
        this.router = router;
        this.production = production;
    }

    /** Built units advance their orders and free capacity for what waits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void output(OutputReported output) {
        locks.technologies(Set.of(output.technologyCode()));
        views.output(output);
        production.apply(output, ACTOR);
        router.route(output.technologyCode(), false,
                "line " + output.lineId() + " reported " + output.goodUnits() + " good units", ACTOR);
    }

    /** Waiting orders are tried again and placed work re-checked, also when no event arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retry(String technologyCode) {
        locks.technologies(Set.of(technologyCode));
        router.route(technologyCode, true, "periodic re-check of placed and waiting orders", ACTOR);
    }
}
