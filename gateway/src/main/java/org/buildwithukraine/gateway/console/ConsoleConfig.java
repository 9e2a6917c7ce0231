package org.buildwithukraine.gateway.console;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the browser console needs to sign in: the Keycloak the browser reaches (not necessarily the address the
 * gateway verifies tokens with, which may be cluster-internal), the realm and the public client.
 */
@ConfigMapping(prefix = "bwu.console")
public interface ConsoleConfig {

    /** Keycloak's origin as browsers reach it, e.g. https://auth.bwu.example; also named in the CSP. */
    URI keycloakUrl();

    @WithDefault("bwu")
    String realm();

    @WithDefault("bwu-console")
    String clientId();
}
