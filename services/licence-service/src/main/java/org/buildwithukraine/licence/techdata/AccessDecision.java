package org.buildwithukraine.licence.techdata;

/** The access rule's answer: allowed (under which licence, none for officers) or refused with a status. */
public sealed interface AccessDecision {

    /** @param licenceId the licence the access rests on; null for a technology officer */
    record Allowed(String licenceId) implements AccessDecision {
    }

    /** @param status 403 or 404, as the caller is to be answered */
    record Refused(int status, String reason) implements AccessDecision {
    }
}
