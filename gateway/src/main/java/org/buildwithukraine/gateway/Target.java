package org.buildwithukraine.gateway;

/** Where a route's requests go. */
public record Target(Kind kind, String service) {

    public enum Kind {
        /** One backend service, named as in {@code bwu.gateway.services}. */
        SERVICE,
        /** The production-line instance of the region whose prefix starts the path's {@code {lineId}}. */
        LINE_REGION,
        /** The production-line instance of the region the path's {@code {region}} names (its code, e.g. de). */
        REGION,
        /** Every region; the answers are merged. */
        ALL_REGIONS,
        /** Answered by the gateway itself; {@code service} names the answer. */
        GATEWAY
    }

    public static Target service(String name) {
        return new Target(Kind.SERVICE, name);
    }

    public static Target lineRegion() {
        return new Target(Kind.LINE_REGION, null);
    }

    public static Target region() {
        return new Target(Kind.REGION, null);
    }

    public static Target allRegions() {
        return new Target(Kind.ALL_REGIONS, null);
    }

    public static Target gateway(String answer) {
        return new Target(Kind.GATEWAY, answer);
    }
}
