package org.buildwithukraine.licence.service;

import org.buildwithukraine.events.TechnologyCategory;

/** What an officer adds to the technology catalogue, already validated. */
public record NewTechnology(String code, String name, TechnologyCategory category, String controlListEntry,
        String owner) {
}
