package org.buildwithukraine.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID provider on loopback in the test JVM, shaped like Keycloak's realm {@code bwu}: discovery document,
 * signing keys of {@link TestTokens}, and the introspection, user-info and token endpoints that a service must
 * never need for a bearer token it can check itself. It counts the requests each endpoint receives, so that a test
 * can show which tokens made a service call its identity provider. Started once per JVM, on a free port.
 */
public final class TestOidcServer {

    public enum Endpoint {
        DISCOVERY("/.well-known/openid-configuration"),
        KEYS("/protocol/openid-connect/certs"),
        INTROSPECTION("/protocol/openid-connect/token/introspect"),
        USER_INFO("/protocol/openid-connect/userinfo"),
        TOKEN("/protocol/openid-connect/token");

        private final String path;

        Endpoint(String path) {
            this.path = path;
        }
    }

    private static final String REALM_PATH = "/realms/bwu";
    private static final Map<Endpoint, AtomicInteger> REQUESTS = new EnumMap<>(Endpoint.class);
    private static HttpServer server;

    static {
        for (Endpoint endpoint : Endpoint.values()) {
            REQUESTS.put(endpoint, new AtomicInteger());
        }
    }

    private TestOidcServer() {
    }

    /** The realm's URL, what {@code quarkus.oidc.auth-server-url} wants. */
    public static synchronized String realmUrl() {
        if (server == null) {
            start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    /** Requests the endpoint has received since the JVM started. */
    public static int requests(Endpoint endpoint) {
        return REQUESTS.get(endpoint).get();
    }

    /** Requests received by every endpoint, in {@link Endpoint} order: compare two of them to see what changed. */
    public static Map<Endpoint, Integer> requests() {
        Map<Endpoint, Integer> counts = new EnumMap<>(Endpoint.class);
        REQUESTS.forEach((endpoint, count) -> counts.put(endpoint, count.get()));
        return counts;
    }

    private static void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("The test OpenID provider could not start", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "test-oidc-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext(REALM_PATH, TestOidcServer::serve);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(REALM_PATH.length());
        Endpoint endpoint = null;
        for (Endpoint candidate : Endpoint.values()) {
            if (candidate.path.equals(path)) {
                endpoint = candidate;
            }
        }
        exchange.getRequestBody().readAllBytes();
        if (endpoint == null) {
            answer(exchange, 404, "{\"error\":\"not_found\"}");
            return;
        }
        REQUESTS.get(endpoint).incrementAndGet();
        switch (endpoint) {
            case DISCOVERY -> answer(exchange, 200, discovery(realmUrl()));
            case KEYS -> answer(exchange, 200, TestTokens.jsonWebKeySet());
            // what Keycloak says of a token it did not issue: inactive, never an identity
            case INTROSPECTION -> answer(exchange, 200, "{\"active\":false}");
            case USER_INFO -> answer(exchange, 401, "{\"error\":\"invalid_token\"}");
            case TOKEN -> answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
        }
    }

    private static String discovery(String realm) {
        return """
                {"issuer":"%s",
                 "authorization_endpoint":"%s/protocol/openid-connect/auth",
                 "token_endpoint":"%s%s",
                 "introspection_endpoint":"%s%s",
                 "userinfo_endpoint":"%s%s",
                 "jwks_uri":"%s%s",
                 "grant_types_supported":["authorization_code","client_credentials","refresh_token"],
                 "response_types_supported":["code"],
                 "subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}"""
                .formatted(TestTokens.ISSUER, realm, realm, Endpoint.TOKEN.path, realm, Endpoint.INTROSPECTION.path,
                        realm, Endpoint.USER_INFO.path, realm, Endpoint.KEYS.path);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
