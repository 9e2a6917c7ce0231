package org.buildwithukraine.line.service;

import org.buildwithukraine.events.line.LineState;

/** List filters; a null field does not filter. */
public record LineFilter(String factoryId, LineState state, String technologyCode) {
}
