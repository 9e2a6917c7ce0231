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
}
