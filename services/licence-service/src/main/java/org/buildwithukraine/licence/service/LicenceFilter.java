package org.buildwithukraine.licence.service;

import org.buildwithukraine.events.licence.LicenceStatus;

/** List filters; a null field does not filter. */
public record LicenceFilter(String factoryId, String technologyCode, LicenceStatus status) {
}
