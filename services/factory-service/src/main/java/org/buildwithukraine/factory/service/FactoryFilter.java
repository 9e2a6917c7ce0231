package org.buildwithukraine.factory.service;

import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;

/** List filters; a null field does not filter. */
public record FactoryFilter(String country, FactoryKind kind, FactoryStatus status) {
}
