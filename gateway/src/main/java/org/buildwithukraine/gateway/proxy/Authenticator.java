package org.buildwithukraine.gateway.proxy;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.gateway.config.GatewayConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Verifies bearer tokens with quarkus-oidc (signature by the realm's cached keys, issuer, audience, expiry) and
 * remembers each verified token until it expires: a caller's further requests skip the signature check, which is
 * most of the gateway's cost per request. The cache is keyed by the token's exact text, so a token is only ever
 * accepted as the one that was verified.
 */
@ApplicationScoped
public class Authenticator {

    private final IdentityProviderManager identities;
    private final String factoryClaim;
    private final Cache<String, Caller> verified;

    public Authenticator(IdentityProviderManager identities, GatewayConfig config) {
        this.identities = identities;
        this.factoryClaim = config.factoryClaim();
        this.verified = config.tokenCache().enabled()
                ? Caffeine.newBuilder().maximumSize(config.tokenCache().maxSize()).expireAfter(UNTIL_TOKEN_EXPIRES)
                        .build()
                : null;
    }

    /** The caller of an already verified, unexpired token, or null. */
    public Caller cached(String token) {
        if (verified == null) {
            return null;
        }
        Caller caller = verified.getIfPresent(token);
        return caller != null && !caller.expired(System.currentTimeMillis() / 1000) ? caller : null;
    }

    /**
     * Verifies the token. Fails with {@link io.quarkus.security.AuthenticationFailedException} for a token that
     * is not acceptable, with anything else when it cannot be verified now (keys not fetchable).
     */
    public Uni<Caller> verify(RoutingContext context, String token) {
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(
                new TokenAuthenticationRequest(new AccessTokenCredential(token)), context);
        return identities.authenticate(request).map(identity -> {
            Caller caller = caller(identity);
            if (verified != null) {
                verified.put(token, caller);
            }
            return caller;
        });
    }

    private Caller caller(SecurityIdentity identity) {
        JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
        Object factories = jwt.getClaim(factoryClaim);
        String factoriesJson = factories == null ? null
                : factories instanceof String text ? Json.encode(text) : factories.toString();
        return new Caller(jwt.getSubject(), jwt.getClaim("preferred_username"), jwt.getClaim("azp"),
                Set.copyOf(identity.getRoles()), factoriesJson, jwt.getExpirationTime());
    }

    private static final Expiry<String, Caller> UNTIL_TOKEN_EXPIRES = new Expiry<>() {
        @Override
        public long expireAfterCreate(String token, Caller caller, long currentTime) {
            long millis = caller.expiresAt() * 1000 - System.currentTimeMillis();
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
        }

        @Override
        public long expireAfterUpdate(String token, Caller caller, long currentTime, long currentDuration) {
            return expireAfterCreate(token, caller, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Caller caller, long currentTime, long currentDuration) {
            return currentDuration;
        }
    };
}
