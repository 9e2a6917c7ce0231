package org.buildwithukraine.licence.rest;

import java.time.Instant;

import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.licence.Technology;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record TechnologyResponse(String code, String name, TechnologyCategory category, String controlListEntry,
        @Schema(nullable = true) String owner, String createdBy, Instant createdAt) {

    static TechnologyResponse of(Technology technology) {
        return new TechnologyResponse(technology.code, technology.name, technology.category,
                technology.controlListEntry, technology.owner, technology.createdBy, technology.createdAt);
    }
}
