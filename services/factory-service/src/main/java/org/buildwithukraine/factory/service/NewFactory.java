package org.buildwithukraine.factory.service;

import java.util.Set;

import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.events.factory.FactoryKind;

public record NewFactory(String id, String name, String country, FactoryKind kind,
        Set<TechnologyCategory> capabilities) {
}
