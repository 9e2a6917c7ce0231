package org.buildwithukraine.licence;

/** What can happen to an existing licence: officers' decisions, the calendar, the quota and the factory. */
public enum LicenceAction {
    GRANT,
    SUSPEND,
    REINSTATE,
    REVOKE,
    /** {@code validTo} has passed. */
    EXPIRE,
    /** The units consumed reached the quantity cap. */
    EXHAUST,
    FACTORY_SUSPENDED,
    FACTORY_REINSTATED;

    /** Taking a licence out of force at an officer's word must say why: the manufacturer and the audit read it. */
    public boolean needsReason() {
        return this == SUSPEND || this == REVOKE;
    }
}
