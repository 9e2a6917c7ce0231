package org.buildwithukraine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The production realm (KeycloakRealmImport of base/infrastructure/keycloak/realm-import.yaml) is the local realm
 * of deploy/keycloak/bwu-realm.json without demo users, demo clients and password grants: derived by
 * {@link RealmForProduction}. After changing the local realm, regenerate it:
 * {@code mvn -pl k8s test -Dtest=RealmTest -Dbwu.realm.update=true} and review the difference.
 */
class RealmTest {

    private static final Path LOCAL_REALM = Manifests.repositoryRoot().resolve("deploy/keycloak/bwu-realm.json");
    private static final Path REALM_IMPORT = Manifests.moduleDir().resolve("base/infrastructure/keycloak/realm-import.yaml");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    @Test
    void theProductionRealmIsTheLocalRealmWithoutItsDemoParts() throws IOException {
        // a moved or renamed realm file must fail here, not skip the comparison that keeps production in step
        assertThat(LOCAL_REALM).as("the local realm, from which production's is derived").isRegularFile();
        ObjectNode derived = RealmForProduction.derive(Manifests.JSON.readTree(LOCAL_REALM.toFile()));
        if (Boolean.getBoolean("bwu.realm.update")) {
            write(derived);
        }
        JsonNode committed = realmImport().at("/spec/realm");

        assertThat(committed).as("realm-import.yaml is out of date: regenerate it (see RealmTest)").isEqualTo(derived);
        JsonNode local = Manifests.JSON.readTree(LOCAL_REALM.toFile());
        assertThat(committed.path("roles")).isEqualTo(local.path("roles"));
        assertThat(committed.path("clientScopes")).isEqualTo(local.path("clientScopes"));
        assertThat(committed.path("organizationsEnabled")).isEqualTo(local.path("organizationsEnabled"));
        // every client that stays keeps its mappers (the audience bwu-platform that every service checks)
        committed.path("clients").forEach(c -> {
            JsonNode same = null;
            for (JsonNode l : local.path("clients")) {
                same = l.path("clientId").equals(c.path("clientId")) ? l : same;
            }
            assertThat(same).as(c.path("clientId") + " is a client of the local realm").isNotNull();
            assertThat(c.path("protocolMappers")).isEqualTo(same.path("protocolMappers"));
            assertThat(c.path("defaultClientScopes")).isEqualTo(same.path("defaultClientScopes"));
        });
    }

    @Test
    void theImportedRealmHasNoDemoUsersNoPasswordGrantAndNoSecrets() {
        JsonNode realm = Manifests.get(Manifests.overlay("production"), "KeycloakRealmImport", "bwu").at("/spec/realm");

        assertThat(realm.path("realm").asText()).isEqualTo("bwu");
        realm.path("users").forEach(u -> assertThat(u.path("serviceAccountClientId").isTextual())
                .as("user " + u.path("username") + " is a person").isTrue());
        assertThat(realm.path("organizations")).isEmpty();
        realm.path("clients").forEach(c -> {
            assertThat(c.path("directAccessGrantsEnabled").asBoolean(true)).as(c.path("clientId") + " password grant").isFalse();
            if (c.has("secret")) {
                assertThat(c.path("secret").asText()).as(c.path("clientId") + " secret").matches(PLACEHOLDER);
            }
        });
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
    }

    @Test
    void everyPlaceholderOfTheRealmComesFromASecret() {
        ObjectNode realmImport = Manifests.get(Manifests.overlay("production"), "KeycloakRealmImport", "bwu");
        Matcher placeholders = PLACEHOLDER.matcher(Manifests.toJson(realmImport.at("/spec/realm")));
        List<String> used = new ArrayList<>();
        while (placeholders.find()) {
            used.add(placeholders.group(1));
        }

        used.forEach(p -> assertThat(realmImport.at("/spec/placeholders/" + p + "/secret/name").asText()).as(p).isNotBlank());
        realmImport.at("/spec/placeholders").fieldNames().forEachRemaining(p -> assertThat(used).contains(p));
    }

    @Test
    void theDerivationDropsDemoUsersPasswordGrantsFactoryClientsAndSecrets() throws IOException {
        JsonNode local = Manifests.JSON.readTree(RealmTest.class.getResource("/realm/local-realm-sample.json"));

        ObjectNode production = RealmForProduction.derive(local);

        assertThat(production.path("clients").findValues("clientId")).extracting(JsonNode::asText)
                .containsExactly("bwu-console", "bwu-reporting");
        assertThat(production.at("/clients/1/secret").asText()).isEqualTo("${BWU_REPORTING_SECRET}");
        assertThat(production.path("users").findValues("username")).extracting(JsonNode::asText)
                .containsExactly("service-account-bwu-reporting");
        assertThat(production.has("organizations")).isFalse();
        assertThat(production.path("roles")).isEqualTo(local.path("roles"));
        assertThat(production.path("clientScopes")).isEqualTo(local.path("clientScopes"));
        assertThat(production.path("sslRequired").asText()).isEqualTo("external");
        assertThat(production.path("organizationsEnabled").asBoolean()).isTrue();
        assertThat(KeycloakRealm.parse(production).getClients()).hasSize(2);
    }

    private static JsonNode realmImport() throws IOException {
        return Manifests.parse(Files.readString(REALM_IMPORT)).get(0);
    }

    private static void write(ObjectNode realm) throws IOException {
        ObjectNode realmImport = Manifests.JSON.createObjectNode();
        realmImport.put("apiVersion", "k8s.keycloak.org/v2alpha1").put("kind", "KeycloakRealmImport");
        realmImport.putObject("metadata").put("name", "bwu");
        ObjectNode spec = realmImport.putObject("spec");
        spec.put("keycloakCRName", "bwu-keycloak");
        ObjectNode placeholders = Manifests.JSON.createObjectNode();
        for (String client : RealmForProduction.confidentialClients(realm)) {
            placeholders.putObject(RealmForProduction.placeholderOf(client)).putObject("secret")
                    .put("name", "keycloak-client-" + client).put("key", "secret");
        }
        if (!placeholders.isEmpty()) {
            spec.set("placeholders", placeholders);
        }
        spec.set("realm", realm);
        String header = """
                # GENERATED from deploy/keycloak/bwu-realm.json by RealmForProduction (k8s/src/test): the local realm
                # without demo users, demo organizations, per-factory MES clients, password grants and secrets.
                # Regenerate after a change of the local realm: mvn -pl k8s test -Dtest=RealmTest -Dbwu.realm.update=true
                # Imported once, when the realm does not exist yet (see README, "Keycloak"). A confidential client's
                # secret comes from Secret keycloak-client-<clientId> (key: secret), which the operator creates.
                """;
        YAMLMapper yaml = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).disable(YAMLGenerator.Feature.SPLIT_LINES).enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
        Files.writeString(REALM_IMPORT, header + yaml.writeValueAsString(realmImport));
    }
}
