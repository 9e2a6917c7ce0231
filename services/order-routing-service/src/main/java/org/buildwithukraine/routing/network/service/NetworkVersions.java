package org.buildwithukraine.routing.network.service;

/**
 * The scopes of {@code network_version}: one per technology (its lines and licences) and one for all factories,
 * which lines of every technology and the export centres of every export order depend on.
 */
final class NetworkVersions {

    static final String FACTORIES = "factories";

    private NetworkVersions() {
    }

    static String technology(String technologyCode) {
        return "technology:" + technologyCode;
    }
}
