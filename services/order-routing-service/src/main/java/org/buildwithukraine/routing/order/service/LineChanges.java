package org.buildwithukraine.routing.order.service;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.line.LineSnapshot;
import org.buildwithukraine.kit.inbox.RequiredFields;
import org.buildwithukraine.kit.inbox.SnapshotProjection;
import org.buildwithukraine.routing.network.LineView;
import org.buildwithukraine.routing.network.service.NetworkViews;

/**
 * line.status into the router's line view; the line's technology is routed again, and when the line changes
 * technology also the one it leaves (what it {@link #watched} before).
 */
@ApplicationScoped
public class LineChanges implements SnapshotProjection<LineSnapshot, LineView, String> {

    private final NetworkViews views;
    private final RoutingLocks locks;
    private final Router router;

    public LineChanges(NetworkViews views, RoutingLocks locks, Router router) {
        this.views = views;
        this.locks = locks;
        this.router = router;
    }

    @Override
    public String consumer() {
        return NetworkChanges.INBOX;
    }

    @Override
    public Class<LineSnapshot> snapshotType() {
        return LineSnapshot.class;
    }

    @Override
    public Class<LineView> viewType() {
        return LineView.class;
    }

    @Override
    public String key(LineSnapshot snapshot) {
        return snapshot.lineId();
    }

    @Override
    public List<String> missingFields(LineSnapshot snapshot) {
        return RequiredFields.of().field("factoryId", snapshot.factoryId())
                .field("technologyCode", snapshot.technologyCode()).field("state", snapshot.state()).missing();
    }

    @Override
    public void lockForFollowUp(LineSnapshot snapshot) {
        locks.technologies(technologies(snapshot, views.technologyOf(snapshot.lineId())));
    }

    @Override
    public LineView upsert(LineView current, LineSnapshot snapshot, EventEnvelope envelope) {
        return views.line(current, snapshot);
    }

    @Override
    public String watched(LineView view) {
        return view == null ? null : view.technologyCode;
    }

    @Override
    public void followUp(EventEnvelope envelope, LineSnapshot line, LineView view, String previousTechnology) {
        String trigger = "line " + line.lineId() + " " + line.state()
                + (line.downtimeReason() == null ? "" : " (" + line.downtimeReason() + ")") + ": " + envelope.type();
        technologies(line, previousTechnology)
                .forEach(technology -> router.route(technology, true, trigger, NetworkChanges.ACTOR));
    }

    private static Set<String> technologies(LineSnapshot line, String previousTechnology) {
        Set<String> technologies = new TreeSet<>();
        technologies.add(line.technologyCode());
        if (previousTechnology != null) {
            technologies.add(previousTechnology);
        }
        return technologies;
    }
}
