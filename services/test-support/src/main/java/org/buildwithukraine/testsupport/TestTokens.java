package org.buildwithukraine.testsupport;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Access tokens shaped like the ones Keycloak realm {@code bwu} issues (realm roles, organization claim,
 * audience), signed by a key the service under test is told to trust. For focused service tests; end-to-end
 * tests use real Keycloak tokens.
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test/realms/bwu";
    public static final String AUDIENCE = "bwu-platform";
    /** The realm role of factory MES clients' service accounts (see the kit's Roles). */
    public static final String FACTORY_MES_ROLE = "factory-mes";
    /** The id {@link TestOidcServer} publishes the trusted key under. */
    public static final String KEY_ID = "test";

    private static final KeyPair TRUSTED = newKeyPair();
    private static final KeyPair FOREIGN = newKeyPair();

    private TestTokens() {
    }

    /** The trusted public key as a JSON Web Key Set, what Keycloak's certs endpoint answers. */
    public static String jsonWebKeySet() {
        RSAPublicKey key = (RSAPublicKey) TRUSTED.getPublic();
        return """
                {"keys":[{"kty":"RSA","kid":"%s","use":"sig","alg":"RS256","n":"%s","e":"%s"}]}"""
                .formatted(KEY_ID, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        // unsigned big-endian, as RFC 7518 wants it: no leading zero byte for the sign
        byte[] unsigned = bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }

    /** A person signed in with the given realm roles. */
    public static Builder user(String username, String... roles) {
        return new Builder(username, null, List.of(roles));
    }

    /** A machine client (client-credentials grant) with the given realm roles. */
    public static Builder client(String clientId, String... roles) {
        return new Builder("service-account-" + clientId, clientId, List.of(roles));
    }

    /**
     * A factory's MES as realm {@code bwu} issues its token: client {@code mes-<factory>} (client-credentials
     * grant), realm role {@code factory-mes}, the factory in the organization claim.
     */
    public static Builder mes(String factoryId) {
        return client("mes-" + factoryId, FACTORY_MES_ROLE).factory(factoryId);
    }

    public static final class Builder {
        private final String username;
        private final String clientId;
        private final List<String> roles;
        private List<String> factories = List.of();
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(5));
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private KeyPair signer = TRUSTED;
        private String keyId = KEY_ID;

        private Builder(String username, String clientId, List<String> roles) {
            this.username = username;
            this.clientId = clientId;
            this.roles = roles;
        }

        /** The factory the caller acts for, as Keycloak's organization claim names it. */
        public Builder factory(String factoryId) {
            this.factories = List.of(factoryId);
            return this;
        }

        public Builder expired() {
            this.expiresAt = Instant.now().minus(Duration.ofMinutes(10));
            return this;
        }

        /** Valid until the instant (issued five minutes before it); JWT times are whole seconds. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Signed by a key the service does not trust, under the trusted key's id, as a forged token would be. */
        public Builder signedByForeignKey() {
            this.signer = FOREIGN;
            return this;
        }

        /** Signed by a key the service does not trust, under an id its identity provider has never published. */
        public Builder signedByUnknownKey() {
            this.signer = FOREIGN;
            this.keyId = "foreign";
            return this;
        }

        public String token() {
            JwtClaimsBuilder claims = Jwt.claims()
                    .issuer(issuer)
                    .audience(audience)
                    .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                    .claim("preferred_username", username)
                    .claim("typ", "Bearer")
                    .claim("realm_access", Map.of("roles", roles))
                    .issuedAt(expiresAt.minus(Duration.ofMinutes(5)))
                    .expiresAt(expiresAt);
            if (clientId != null) {
                claims.claim("azp", clientId).claim("client_id", clientId);
            }
            if (!factories.isEmpty()) {
                claims.claim("organization", factories);
            }
            return claims.jws().keyId(keyId).sign(signer.getPrivate());
        }

        /** The value of an Authorization header. */
        public String bearer() {
            return "Bearer " + token();
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
