package org.buildwithukraine.kit.security;

/** Realm roles of Keycloak realm {@code bwu}. */
public final class Roles {

    public static final String MANUFACTURER = "manufacturer";
    public static final String TECHNOLOGY_OFFICER = "technology-officer";
    public static final String ORDER_DESK = "order-desk";
    public static final String NETWORK_ADMIN = "network-admin";
    public static final String OPERATOR = "operator";
    /**
     * A factory's MES (client-credentials grant): reports status and output of its factory's lines and reads
     * them, nothing else. A machine, not a person: it registers no line and requests no licence.
     */
    public static final String FACTORY_MES = "factory-mes";

    private Roles() {
    }
}
