package org.buildwithukraine.licence.techdata;

/** Where a technical data release stands: DRAFT → RELEASED → SUPERSEDED or WITHDRAWN. */
public enum ReleaseState {
    /** Being prepared by the technology officers; nobody else learns it exists. */
    DRAFT,
    /** The revision licensed factories build to. At most one per technology. */
    RELEASED,
    /** Replaced by a later released revision. */
    SUPERSEDED,
    /** Taken back by an officer, with a reason. Final. */
    WITHDRAWN
}
