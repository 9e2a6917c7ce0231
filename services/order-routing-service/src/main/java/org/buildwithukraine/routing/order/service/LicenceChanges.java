package org.buildwithukraine.routing.order.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.events.licence.LicenceSnapshot;
import org.buildwithukraine.kit.inbox.RequiredFields;
import org.buildwithukraine.kit.inbox.SnapshotProjection;
import org.buildwithukraine.routing.network.LicenceView;
import org.buildwithukraine.routing.network.service.NetworkViews;

/**
 * licence.events into the router's licence view; the licence snapshots applied together route each technology they
 * touch again, once. Unlicensed
 * output and technical data are for the officers: the router plans with licences alone.
 */
@ApplicationScoped
public class LicenceChanges implements SnapshotProjection<LicenceSnapshot, LicenceView, Void> {

    /** Licence changes named in the trigger of a pass that many of them set off together. */
    private static final int TRIGGER_CHANGES = 3;

    private final NetworkViews views;
    private final RoutingLocks locks;
    private final Router router;

    public LicenceChanges(NetworkViews views, RoutingLocks locks, Router router) {
        this.views = views;
        this.locks = locks;
        this.router = router;
    }

    @Override
    public String consumer() {
        return NetworkChanges.INBOX;
    }

    @Override
    public Class<LicenceSnapshot> snapshotType() {
        return LicenceSnapshot.class;
    }

    @Override
    public Class<LicenceView> viewType() {
        return LicenceView.class;
    }

    @Override
    public boolean carriesSnapshot(String eventType) {
        return LicenceEventTypes.carriesLicenceSnapshot(eventType);
    }

    @Override
    public String key(LicenceSnapshot snapshot) {
        return snapshot.licenceId();
    }

    @Override
    public List<String> missingFields(LicenceSnapshot snapshot) {
        return RequiredFields.of().field("technologyCode", snapshot.technologyCode())
                .field("factoryId", snapshot.factoryId()).field("activities", snapshot.activities())
                .field("validFrom", snapshot.validFrom()).field("validTo", snapshot.validTo())
                .field("status", snapshot.status()).missing();
    }

    @Override
    public void lockForFollowUp(LicenceSnapshot snapshot) {
        locks.technologies(Set.of(snapshot.technologyCode()));
    }

    @Override
    public void lockForFollowUps(List<LicenceSnapshot> snapshots) {
        locks.technologies(snapshots.stream().map(LicenceSnapshot::technologyCode).collect(Collectors.toSet()));
    }

    @Override
    public LicenceView upsert(LicenceView current, LicenceSnapshot snapshot, EventEnvelope envelope) {
        return views.licence(current, snapshot, envelope.occurredAt());
    }

    /** Each technology the licences belong to routed once, however many of its licences changed together. */
    @Override
    public void followUpTogether(List<Applied<LicenceSnapshot>> applied) {
        Map<String, List<Applied<LicenceSnapshot>>> byTechnology = new TreeMap<>();
        applied.forEach(change -> byTechnology.computeIfAbsent(change.snapshot().technologyCode(),
                technology -> new ArrayList<>()).add(change));
        byTechnology.forEach((technology, changes) -> router.route(technology, true, trigger(technology, changes),
                NetworkChanges.ACTOR));
    }

    private static String trigger(String technology, List<Applied<LicenceSnapshot>> changes) {
        if (changes.size() == 1) {
            return describe(changes.get(0));
        }
        String named = changes.stream().limit(TRIGGER_CHANGES).map(LicenceChanges::describe)
                .collect(Collectors.joining("; "));
        String more = changes.size() > TRIGGER_CHANGES ? "; and " + (changes.size() - TRIGGER_CHANGES) + " more" : "";
        return changes.size() + " licence changes for " + technology + " came together: " + named + more;
    }

    private static String describe(Applied<LicenceSnapshot> change) {
        LicenceSnapshot licence = change.snapshot();
        return "licence " + licence.licenceId() + " for " + licence.technologyCode() + " at " + licence.factoryId()
                + ": " + change.envelope().type()
                + (licence.statusReason() == null ? "" : " (" + licence.statusReason() + ")");
    }
}
