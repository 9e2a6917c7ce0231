package org.buildwithukraine.events.licence;

import java.util.Set;

/**
 * Event types on {@code licence.events}. The licence events are keyed by licence id and carry the full
 * {@link LicenceSnapshot}; {@link #UNLICENSED_OUTPUT_RECORDED} is keyed by factory id and carries an
 * {@link UnlicensedOutputRecorded}; the technical data events are keyed by technology code and carry a
 * {@link TechnicalDataReleaseSnapshot}.
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
    /**
     * Units consumed changed (output reported) without a change of state: one event for the output events the
     * ledger charged together, its snapshot the licence after the last of them.
     */
    public static final String QUOTA_CONSUMED = "LicenceQuotaConsumed";
    /**
     * Good units a factory produced that no licence covered when they were observed: accepted (they were made)
     * and recorded as unlicensed production for the technology officers. Not about one licence; keyed by factory.
     */
    public static final String UNLICENSED_OUTPUT_RECORDED = "UnlicensedOutputRecorded";

    /** A revision of a technology's technical data was released (and the one released before superseded). */
    public static final String TECHNICAL_DATA_RELEASED = "TechnicalDataReleased";
    /** A released revision of a technology's technical data was withdrawn, with a reason. */
    public static final String TECHNICAL_DATA_WITHDRAWN = "TechnicalDataWithdrawn";

    private static final Set<String> LICENCE_SNAPSHOT_TYPES = Set.of(REQUESTED, GRANTED, AMENDED, SUSPENDED,
            REINSTATED, REVOKED, EXPIRED, EXHAUSTED, QUOTA_CONSUMED);

    public static final int SCHEMA_VERSION = 1;

    private LicenceEventTypes() {
    }

    /**
     * Whether the event is about one licence and carries its {@link LicenceSnapshot}: the licence types listed
     * here, so that a consumer of licences passes over every other type, including ones added later.
     */
    public static boolean carriesLicenceSnapshot(String type) {
        return LICENCE_SNAPSHOT_TYPES.contains(type);
    }
}
