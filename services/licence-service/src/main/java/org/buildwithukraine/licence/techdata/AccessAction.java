package org.buildwithukraine.licence.techdata;

/** What an access to technical data asked for. */
public enum AccessAction {
    /** The technology's releases. */
    LIST,
    /** One release's metadata. */
    READ,
    /** One file of a release. */
    DOWNLOAD,
    /** The acknowledgement of a release's export-control notice, which a manufacturer's downloads need. */
    ACKNOWLEDGE
}
