package org.buildwithukraine.kit.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "bwu.security")
public interface SecurityConfig {

    /**
     * Token claim naming the caller's factory: Keycloak's {@code organization} claim (a list of organization
     * aliases, or an object keyed by alias), the same for people and factory MES clients.
     */
    @WithDefault("organization")
    String factoryClaim();

    TokenCache tokenCache();

    /** Identities of verified bearer tokens, remembered until the token expires (see {@link VerifiedTokenCache}). */
    interface TokenCache {
        @WithDefault("true")
        boolean enabled();

        /** A few KB each (the token and its parsed claims); a token evicted from a full cache is verified again. */
        @WithDefault("2000")
        int maxEntries();
    }
}
