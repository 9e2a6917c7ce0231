package org.buildwithukraine.licence.techdata.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.kit.outbox.Outbox;
import org.buildwithukraine.licence.techdata.TechnicalDataRelease;

/**
 * Writes technical data events to the outbox, in the transaction of the change. Keyed by technology code, so
 * that the releases of one technology keep their order on licence.events.
 */
@ApplicationScoped
public class TechnicalDataEvents {

    private final Outbox outbox;

    public TechnicalDataEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void released(TechnicalDataRelease release, String actor) {
        emit(LicenceEventTypes.TECHNICAL_DATA_RELEASED, release, actor);
    }

    public void withdrawn(TechnicalDataRelease release, String actor) {
        emit(LicenceEventTypes.TECHNICAL_DATA_WITHDRAWN, release, actor);
    }

    private void emit(String type, TechnicalDataRelease release, String actor) {
        outbox.record(Topics.LICENCE_EVENTS, release.technologyCode, type, LicenceEventTypes.SCHEMA_VERSION, actor,
                release.snapshot());
    }
}
