package org.buildwithukraine.licence.techdata;

/**
 * Who attempts an access, as the access record names them.
 *
 * @param factoryId the factory the access goes through; null for an officer
 * @param requestId the gateway's request id, or one made up for a request that came without
 */
public record AccessAttempt(String actor, String factoryId, String requestId) {
}
