package org.buildwithukraine.events.licence;

/**
 * Event types on {@code licence.events}. The licence events are keyed by licence id and carry the full
 * {@link LicenceSnapshot}; {@link #UNLICENSED_OUTPUT_RECORDED} is keyed by factory id and carries an
 * {@link UnlicensedOutputRecorded}.
 */
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
    /**
     * Good units a factory produced that no licence covered when they were observed: accepted (they were made)
     * and recorded as unlicensed production for the technology officers. Not about one licence; keyed by factory.
     */
    public static final String UNLICENSED_OUTPUT_RECORDED = "UnlicensedOutputRecorded";

    public static final int SCHEMA_VERSION = 1;

    private LicenceEventTypes() {
    }

    /** Whether the event is about one licence and carries its {@link LicenceSnapshot}. */
    public static boolean carriesLicenceSnapshot(String type) {
        return !UNLICENSED_OUTPUT_RECORDED.equals(type);
    }
}
