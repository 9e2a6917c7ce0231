package org.buildwithukraine.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Makes the service trust {@link TestTokens} (issuer, audience and signing key) instead of a live Keycloak. */
public class TestTokenResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                // an empty value unsets the Keycloak URL: tokens are verified with the key alone
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER,
                "quarkus.oidc.token.audience", TestTokens.AUDIENCE);
    }

    @Override
    public void stop() {
        // nothing to release
    }
}
