package org.buildwithukraine.kit.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Hands every identity that authentication produced to the {@link VerifiedTokenCache}, which keeps those that
 * quarkus-oidc verified from a bearer token. It runs before any other augmentor, so that the cache holds the identity
 * as quarkus-oidc built it and later augmentors apply to a cached identity exactly as to a freshly verified one. It
 * changes nothing in the identity.
 */
@ApplicationScoped
public class RememberVerifiedTokens implements SecurityIdentityAugmentor {

    private final VerifiedTokenCache cache;

    public RememberVerifiedTokens(VerifiedTokenCache cache) {
        this.cache = cache;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        cache.remember(identity);
        return Uni.createFrom().item(identity);
    }
}
