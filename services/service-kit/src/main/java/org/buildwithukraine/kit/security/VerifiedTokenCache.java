package org.buildwithukraine.kit.security;

import java.security.Permission;
import java.security.Principal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a bearer token that quarkus-oidc has already verified with the identity it verified, so that a caller's
 * further requests with the same token skip the RS256 signature check (a third of a service's CPU under report
 * load, for tokens the gateway has verified as well). It runs ahead of quarkus-oidc's identity provider; for any
 * token it does not hold it answers nothing and quarkus-oidc verifies the token as before, after which
 * {@link RememberVerifiedTokens} hands the verified identity here.
 *
 * <p>Guarantee: an identity is answered only for the exact token text that quarkus-oidc verified (a token with
 * another signature, or any other change, is another key and is verified by quarkus-oidc), and never once the
 * token's {@code exp} has passed, whatever the cache still holds; every token is still verified once per instance.
 * The identity answered is the verified one (principal and its claims, roles, credentials, permissions) with the
 * current request's routing context: the attributes quarkus-oidc ties to the request that was verified (its
 * routing context and blocking-API context) are not kept, so that nothing of one request reaches another.
 *
 * <p>Failure modes: a token revoked at Keycloak stays accepted until it expires, as it does without the cache
 * (services check tokens against the realm's keys only, never by introspection). The cache is per instance and in
 * memory, bounded to {@code bwu.security.token-cache.max-entries}: a token evicted from a full cache, or seen first
 * by another instance, costs one verification more. Expiry is read from the system clock, as quarkus-oidc reads it,
 * not from the service's {@code Clock}. With {@code bwu.security.token-cache.enabled=false} every request is
 * verified.
 *
 * <p>Counted as {@code bwu_token_cache_hits_total} (answered here) and {@code bwu_token_cache_misses_total} (handed
 * on to quarkus-oidc, refused tokens included).
 */
@ApplicationScoped
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

    /** quarkus-oidc's provider keeps the default priority (1001); the higher one is asked first. */
    static final int PRIORITY = 2000;

    /** Identity attributes quarkus-oidc binds to the request it verified. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String BLOCKING_API = AuthenticationRequestContext.class.getName();

    private final Cache<String, Verified> verified;
    private final Counter hits;
    private final Counter misses;

    public VerifiedTokenCache(SecurityConfig config, MeterRegistry registry) {
        this.verified = config.tokenCache().enabled()
                ? Caffeine.newBuilder().maximumSize(config.tokenCache().maxEntries()).expireAfter(UNTIL_TOKEN_EXPIRES)
                        .build()
                : null;
        this.hits = Counter.builder("bwu.token.cache.hits")
                .description("Bearer tokens answered with the identity verified for them before").register(registry);
        this.misses = Counter.builder("bwu.token.cache.misses")
                .description("Bearer tokens handed on to quarkus-oidc for verification").register(registry);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        Verified entry = verified != null && routing != null && request.getToken() instanceof AccessTokenCredential
                ? verified.getIfPresent(request.getToken().getToken())
                : null;
        if (entry == null || entry.expired(nowSeconds())) {
            misses.increment();
            return Uni.createFrom().nullItem();
        }
        hits.increment();
        return Uni.createFrom().item(entry.identityFor(routing));
    }

    /**
     * Remembers an identity quarkus-oidc built from a bearer token, keyed by that token's text. Anything else (an
     * anonymous identity, one whose principal was not parsed from exactly its access token, an expired one) is
     * ignored; a token already held keeps its entry.
     */
    void remember(SecurityIdentity identity) {
        if (verified == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.getToken() == null || !credential.getToken().equals(jwt.getRawToken())
                || jwt.getExpirationTime() <= nowSeconds()) {
            return;
        }
        verified.get(credential.getToken(), token -> Verified.of(identity, jwt.getExpirationTime()));
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    /** A verified identity without what belonged to the request it was verified in. */
    private record Verified(Principal principal, Set<String> roles, Set<Credential> credentials,
            Set<Permission> permissions, Map<String, Object> attributes, long expiresAt) {

        static Verified of(SecurityIdentity identity, long expiresAt) {
            Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
            attributes.remove(ROUTING_CONTEXT);
            attributes.remove(BLOCKING_API);
            return new Verified(identity.getPrincipal(), Set.copyOf(identity.getRoles()),
                    Set.copyOf(identity.getCredentials()), Set.copyOf(identity.getPermissions()),
                    Collections.unmodifiableMap(attributes), expiresAt);
        }

        /** A token is valid up to its exp second, not at it. */
        boolean expired(long nowSeconds) {
            return nowSeconds >= expiresAt;
        }

        SecurityIdentity identityFor(RoutingContext routing) {
            QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder().setPrincipal(principal)
                    .addRoles(roles).addCredentials(credentials).addPermissions(permissions).addAttributes(attributes)
                    .addAttribute(ROUTING_CONTEXT, routing);
            Object blockingApi = routing.get(BLOCKING_API);
            if (blockingApi != null) {
                builder.addAttribute(BLOCKING_API, blockingApi);
            }
            return builder.build();
        }
    }

    private static final Expiry<String, Verified> UNTIL_TOKEN_EXPIRES = new Expiry<>() {
        @Override
        public long expireAfterCreate(String token, Verified entry, long currentTime) {
            long millis = entry.expiresAt() * 1000 - System.currentTimeMillis();
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
        }

        @Override
        public long expireAfterUpdate(String token, Verified entry, long currentTime, long currentDuration) {
            return expireAfterCreate(token, entry, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Verified entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    };
}
