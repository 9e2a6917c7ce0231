package org.buildwithukraine.events.licence;

public enum LicenceStatus {
    REQUESTED,
    GRANTED,
    SUSPENDED,
    REVOKED,
    EXPIRED,
    EXHAUSTED
}
