package org.buildwithukraine.line.service;

/** What a registration says about a line. */
public record LineDefinition(String factoryId, String technologyCode, int nominalCapacityPerDay) {
}
