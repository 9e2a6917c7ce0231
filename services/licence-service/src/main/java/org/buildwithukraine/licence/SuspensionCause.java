package org.buildwithukraine.licence;

/** Why a licence is suspended; it may be suspended for both reasons at once. */
public enum SuspensionCause {
    /** A technology officer suspended the licence itself. */
    OFFICER,
    /** The licensee factory was suspended by the network administrator. */
    FACTORY
}
