package org.buildwithukraine.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.buildwithukraine.testsupport.TestTokens;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * An OpenID provider standing in for Keycloak realm bwu: discovery, the key set of {@link TestTokens} (key id
 * {@code test}), and introspection and user-info endpoints that say no to everything. Every request it receives is
 * remembered, so that a test can show which tokens made the gateway ask the identity provider.
 */
public class StubIdentityProvider implements QuarkusTestResourceLifecycleManager {

    private static final String REALM = "/realms/bwu";
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int port = freePort();
        String base = "http://localhost:" + port + REALM;
        JsonObject discovery = new JsonObject()
                .put("issuer", TestTokens.ISSUER)
                .put("jwks_uri", base + "/protocol/openid-connect/certs")
                .put("token_endpoint", base + "/protocol/openid-connect/token")
                .put("introspection_endpoint", base + "/protocol/openid-connect/token/introspect")
                .put("userinfo_endpoint", base + "/protocol/openid-connect/userinfo")
                .put("authorization_endpoint", base + "/protocol/openid-connect/auth");
        HttpServer server = vertx.createHttpServer().requestHandler(request -> answer(request, discovery));
        try {
            server.listen(port).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Stub identity provider did not start", e);
        }
        return Map.of(
                "quarkus.oidc.auth-server-url", base,
                // with client credentials quarkus-oidc could introspect: only the gateway's own settings forbid it
                "quarkus.oidc.client-id", "bwu-gateway",
                "quarkus.oidc.credentials.secret", "stub-secret",
                "quarkus.oidc.token.issuer", TestTokens.ISSUER,
                "quarkus.oidc.token.audience", TestTokens.AUDIENCE);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            vertx = null;
        }
    }

    /** Method and path of every request received since the last {@link #forget()}. */
    static List<String> received() {
        return List.copyOf(RECEIVED);
    }

    static void forget() {
        RECEIVED.clear();
    }

    private static void answer(HttpServerRequest request, JsonObject discovery) {
        RECEIVED.add(request.method() + " " + request.path());
        var response = request.response().putHeader("Content-Type", "application/json");
        String path = request.path();
        if (path.equals(REALM + "/.well-known/openid-configuration")) {
            response.end(discovery.encode());
        } else if (path.equals(REALM + "/protocol/openid-connect/certs")) {
            response.end(TestTokens.jsonWebKeySet());
        } else if (path.endsWith("/token/introspect")) {
            response.end(new JsonObject().put("active", false).encode());
        } else {
            response.setStatusCode(401).end(new JsonObject().put("error", "invalid_token").encode());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
