package org.buildwithukraine.line;

/** What a registration says about a line: whose it is, what it builds, and how much a day. */
public record LineDefinition(String factoryId, String technologyCode, int nominalCapacityPerDay) {

    public static LineDefinition of(ProductionLine line) {
        return new LineDefinition(line.factoryId(), line.technologyCode(), line.nominalCapacityPerDay());
    }
}
