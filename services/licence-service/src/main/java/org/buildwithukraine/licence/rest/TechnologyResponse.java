package org.buildwithukraine.licence.rest;

import java.time.Instant;

import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.licence.Technology;

public record TechnologyResponse(String code, String name, TechnologyCategory category, String controlListEntry,
        String owner, String createdBy, Instant createdAt) {

    static TechnologyResponse of(Technology technology) {
        return new TechnologyResponse(technology.code, technology.name, technology.category,
                technology.controlListEntry, technology.owner, technology.createdBy, technology.createdAt);
    }
}
