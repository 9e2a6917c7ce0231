package org.buildwithukraine.licence.techdata;

/** What an access to technical data asked for. */
public enum AccessAction {
    /** The technology's releases. */
    LIST,
    /** One release's metadata. */
    READ
}
