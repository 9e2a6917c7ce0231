package org.buildwithukraine.licence.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.kit.outbox.Outbox;
import org.buildwithukraine.licence.Licence;
import org.buildwithukraine.licence.UnlicensedOutput;

/** Writes licence events to the outbox, in the transaction of the change; the relay puts them on licence.events. */
@ApplicationScoped
public class LicenceEvents {

    private final Outbox outbox;

    public LicenceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void emit(String eventType, Licence licence, String actor) {
        outbox.record(Topics.LICENCE_EVENTS, licence.id(), eventType, LicenceEventTypes.SCHEMA_VERSION, actor,
                licence.snapshot());
    }

    /** Unlicensed production concerns the factory, not one licence: keyed by factory id. */
    public void unlicensedOutput(UnlicensedOutput output, String actor) {
        outbox.record(Topics.LICENCE_EVENTS, output.factoryId, LicenceEventTypes.UNLICENSED_OUTPUT_RECORDED,
                LicenceEventTypes.SCHEMA_VERSION, actor, output.event());
    }
}
