package org.buildwithukraine.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes the service trust {@link TestTokens}: it discovers {@link TestOidcServer} as its identity provider, the way
 * it discovers Keycloak in production, and learns the signing key from there.
 */
public class TestTokenResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", TestOidcServer.realmUrl(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER,
                "quarkus.oidc.token.audience", TestTokens.AUDIENCE);
    }

    @Override
    public void stop() {
        // shared by the whole test JVM
    }
}
