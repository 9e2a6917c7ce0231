package org.buildwithukraine.gateway.proxy;

import java.util.Set;

/**
 * What the gateway needs of a verified token. Kept instead of the token's full claim set so that a cached
 * caller costs little memory.
 *
 * @param subject the token's {@code sub}: one person, or one client's service account
 * @param clientId the client the token was issued to ({@code azp})
 * @param factoryClaim the factory claim as JSON text, or null when the token has none
 * @param expiresAt epoch second after which the token is no longer accepted
 */
public record Caller(String subject, String username, String clientId, Set<String> roles, String factoryClaim,
        long expiresAt) {

    /** One rate-limit bucket per subject; a client-credentials token's subject is its client's service account. */
    public String rateLimitKey() {
        return subject != null ? subject : "client:" + clientId;
    }

    public boolean expired(long nowEpochSecond) {
        return nowEpochSecond >= expiresAt;
    }
}
