package org.buildwithukraine.licence.techdata;

/** The access rule's answer: allowed (under which licence, none for officers) or refused with a status. */
public sealed interface AccessDecision {

    /** The licence the decision was taken on, for the access record; null when no licence was involved. */
    String licenceId();

    /** @param licenceId the licence the access rests on; null for a technology officer */
    record Allowed(String licenceId) implements AccessDecision {
    }

    /**
     * @param status 403 or 404, as the caller is to be answered
     * @param licenceId the licence that does not hold or does not reach the release; null when the caller has
     *        none (or needs none)
     */
    record Refused(int status, String reason, String licenceId) implements AccessDecision {

        /** A refusal that involves no licence. */
        public Refused(int status, String reason) {
            this(status, reason, null);
        }
    }
}
