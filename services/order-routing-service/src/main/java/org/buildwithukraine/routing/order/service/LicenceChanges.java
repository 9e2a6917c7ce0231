package org.buildwithukraine.routing.order.service;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.events.licence.LicenceSnapshot;
import org.buildwithukraine.kit.inbox.RequiredFields;
import org.buildwithukraine.kit.inbox.SnapshotProjection;
import org.buildwithukraine.routing.network.LicenceView;
import org.buildwithukraine.routing.network.service.NetworkViews;

/**
 * licence.events into the router's licence view; every licence snapshot routes its technology again. Unlicensed
 * output and technical data are for the officers: the router plans with licences alone.
 */
@ApplicationScoped
public class LicenceChanges implements SnapshotProjection<LicenceSnapshot, LicenceView, Void> {

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
    public LicenceView upsert(LicenceView current, LicenceSnapshot snapshot, EventEnvelope envelope) {
        return views.licence(current, snapshot, envelope.occurredAt());
    }

    @Override
    public void followUp(EventEnvelope envelope, LicenceSnapshot licence, LicenceView view, Void before) {
        router.route(licence.technologyCode(), true, "licence " + licence.licenceId() + " for "
                + licence.technologyCode() + " at " + licence.factoryId() + ": " + envelope.type()
                + (licence.statusReason() == null ? "" : " (" + licence.statusReason() + ")"), NetworkChanges.ACTOR);
    }
}
