package org.buildwithukraine.kit.security;

/** Realm roles of Keycloak realm {@code bwu}. */
public final class Roles {

    public static final String MANUFACTURER = "manufacturer";
    public static final String TECHNOLOGY_OFFICER = "technology-officer";
    public static final String ORDER_DESK = "order-desk";
    public static final String NETWORK_ADMIN = "network-admin";
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
