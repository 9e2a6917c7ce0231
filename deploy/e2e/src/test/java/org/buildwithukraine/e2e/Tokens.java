package org.buildwithukraine.e2e;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real access tokens from the platform's Keycloak: people through the password grant of the public client
 * {@code bwu-cli} (demo realm: password = user name), factory MES systems through the client-credentials grant.
 * A token is reused until shortly before it expires, as a client application would.
 */
public final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A token of a demo user, e.g. {@code maker-de}. */
    public static String user(String username) {
        return CACHE.compute("user:" + username, (key, cached) -> fresh(cached) ? cached
                : given().formParam("grant_type", "password").formParam("client_id", "bwu-cli")
                        .formParam("username", username).formParam("password", username)
                        .post(Platform.get().tokenUrl())
                        .then().statusCode(200).extract().path("access_token"));
    }

    /** A token of a confidential client, e.g. {@code mes-de-munich}, with the secret up.sh published. */
    public static String client(String clientId) {
        return CACHE.compute("client:" + clientId, (key, cached) -> fresh(cached) ? cached
                : given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                        .formParam("client_secret", Platform.get().clientSecret(clientId))
                        .post(Platform.get().tokenUrl())
                        .then().statusCode(200).extract().path("access_token"));
    }

    /** A token that is not cached: issued now, so that it outlives whatever the test does next. */
    public static String newUserToken(String username) {
        CACHE.remove("user:" + username);
        return user(username);
    }

    /** A client's token that is not cached: issued now, so that it outlives whatever the test does next. */
    public static String newClientToken(String clientId) {
        CACHE.remove("client:" + clientId);
        return client(clientId);
    }

    /** The claims of a token (its payload; the signature is the services' business). */
    public static Map<String, Object> claims(String token) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return JSON.readValue(payload, new TypeReference<>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JWT: " + token, e);
        }
    }

    /**
     * The same header (key id included) and claims as a genuine token, signed by a key Keycloak never had: what a
     * forger who copied a real token and changed nothing but the signature would send.
     */
    public static String signedByForeignKey(String genuine) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair foreign = generator.generateKeyPair();
            String[] parts = genuine.split("\\.");
            String signingInput = parts[0] + "." + parts[1];
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(foreign.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean fresh(String token) {
        if (token == null) {
            return false;
        }
        long expiresAt = ((Number) claims(token).get("exp")).longValue();
        return Instant.now().plusSeconds(30).isBefore(Instant.ofEpochSecond(expiresAt));
    }
}
