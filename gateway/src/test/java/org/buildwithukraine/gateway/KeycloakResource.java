package org.buildwithukraine.gateway;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Keycloak, from the distribution Maven unpacked under target/ (system property {@code keycloak.home}), with
 * the realm file of deploy/keycloak imported, and beside it the production realm of k8s' KeycloakRealmImport as
 * {@value #PRODUCTION_REALM}; on free ports and with an in-memory database so that every run starts from the realm
 * files. The gateway under test is pointed at realm bwu.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    static final String ADMIN = "admin";
    /** The production realm (k8s' KeycloakRealmImport), imported beside the local one under this name. */
    static final String PRODUCTION_REALM = "bwu-production";
    private static final Duration STARTUP = Duration.ofMinutes(5);

    private static Process keycloak;
    private static String url;

    @Override
    public Map<String, String> start() {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-missing"));
        Path realm = Path.of(System.getProperty("bwu.realm-file", "../deploy/keycloak/bwu-realm.json"));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home
                    + ": run the tests through Maven, or skip this one with -Dkeycloak.tests.skip=true");
        }
        try {
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, home.resolve("data/import/bwu-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            importProductionRealm(home.resolve("data/import/" + PRODUCTION_REALM + "-realm.json"));
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + freePort(), "--db=dev-mem",
                    "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("../keycloak-test.log").toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN);
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            keycloak = builder.start();
            url = "http://localhost:" + port;
            awaitRealm();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak could not be started", e);
        }
        return Map.of("quarkus.oidc.auth-server-url", url + "/realms/bwu");
    }

    @Override
    public void stop() {
        stopKeycloak();
    }

    /** Keycloak's base URL, e.g. http://localhost:40123. */
    static String url() {
        return url;
    }

    static String issuer() {
        return url + "/realms/bwu";
    }

    /** Stops Keycloak ahead of the test's end, as an outage would. */
    static synchronized void stopKeycloak() {
        if (keycloak == null) {
            return;
        }
        keycloak.descendants().forEach(ProcessHandle::destroy);
        keycloak.destroy();
        try {
            if (!keycloak.waitFor(30, TimeUnit.SECONDS)) {
                keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
                keycloak.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        keycloak = null;
    }

    private static void importProductionRealm(Path target) throws IOException {
        Path realmImport = Path.of(System.getProperty("bwu.production-realm-import",
                "../k8s/base/infrastructure/keycloak/realm-import.yaml"));
        JsonNode realm = new YAMLMapper().readTree(realmImport.toFile()).at("/spec/realm");
        ((ObjectNode) realm).put("realm", PRODUCTION_REALM);
        new ObjectMapper().writeValue(target.toFile(), realm);
    }

    private static void awaitRealm() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!keycloak.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with " + keycloak.exitValue()
                            + "; see target/keycloak/keycloak-test.log");
                }
                try {
                    return client.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException notListeningYet) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            stopKeycloak();
            throw e;
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
