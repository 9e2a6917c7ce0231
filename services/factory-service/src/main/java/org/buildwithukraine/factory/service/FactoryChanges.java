package org.buildwithukraine.factory.service;

import java.util.Set;

import org.buildwithukraine.events.TechnologyCategory;

/** A partial update; null fields stay as they are. */
public record FactoryChanges(String name, Set<TechnologyCategory> capabilities) {
}
