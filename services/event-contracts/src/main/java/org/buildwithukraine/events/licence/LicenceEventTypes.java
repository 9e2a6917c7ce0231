package org.buildwithukraine.events.licence;

/** Event types on {@code licence.events}, keyed by licence id. Every one carries the full {@link LicenceSnapshot}. */
public final class LicenceEventTypes {

    public static final String REQUESTED = "LicenceRequested";
    public static final String GRANTED = "LicenceGranted";
    public static final String AMENDED = "LicenceAmended";
    public static final String SUSPENDED = "LicenceSuspended";
    public static final String REINSTATED = "LicenceReinstated";
    public static final String REVOKED = "LicenceRevoked";
    public static final String EXPIRED = "LicenceExpired";
    public static final String EXHAUSTED = "LicenceExhausted";
    /** Units consumed changed (output reported) without a change of state. */
    public static final String QUOTA_CONSUMED = "LicenceQuotaConsumed";

    public static final int SCHEMA_VERSION = 1;

    private LicenceEventTypes() {
    }
}
