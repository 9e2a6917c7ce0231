package org.buildwithukraine.routing.order.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.kit.inbox.EventBatches.Inbound;
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
    /** Lines named in the trigger of a pass that reports of many lines set off together. */
    private static final int TRIGGER_LINES = 5;

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

    /**
     * Built units advance their orders and free capacity for what waits: each report in turn (in its event's span),
     * then each technology they touch routed once, however many reports of it came together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void outputs(List<Inbound<OutputReported>> outputs) {
        Map<String, List<OutputReported>> byTechnology = new TreeMap<>();
        outputs.forEach(output -> byTechnology.computeIfAbsent(output.payload().technologyCode(), t -> new ArrayList<>())
                .add(output.payload()));
        locks.technologies(byTechnology.keySet());
        for (Inbound<OutputReported> output : outputs) {
            output.run(() -> {
                views.output(output.payload());
                production.apply(output.payload(), ACTOR);
            });
        }
        byTechnology.forEach((technology, reports) -> router.route(technology, false, trigger(reports), ACTOR));
    }

    private static String trigger(List<OutputReported> reports) {
        long units = reports.stream().mapToLong(OutputReported::goodUnits).sum();
        if (reports.size() == 1) {
            return "line " + reports.get(0).lineId() + " reported " + units + " good units";
        }
        Set<String> lines = new TreeSet<>();
        reports.forEach(report -> lines.add(report.lineId()));
        String named = lines.stream().limit(TRIGGER_LINES).collect(Collectors.joining(", "));
        String more = lines.size() > TRIGGER_LINES ? " and " + (lines.size() - TRIGGER_LINES) + " more" : "";
        return reports.size() + " output reports of lines " + named + more + " came together: " + units
                + " good units";
    }

    /** Waiting orders are tried again and placed work re-checked, also when no event arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retry(String technologyCode) {
        locks.technologies(Set.of(technologyCode));
        router.route(technologyCode, true, "periodic re-check of placed and waiting orders", ACTOR);
    }
}
