package org.buildwithukraine.k8s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Derives the production realm from the local one (deploy/keycloak/bwu-realm.json): the same roles, client
 * scopes, mappers, user profile and platform clients, without what only a demo has.
 * <ul>
 * <li>no users: people come from the organisations' accounts, created by administrators (service-account users
 * of kept clients stay, they carry those clients' roles);</li>
 * <li>no client that allows the password grant (directAccessGrantsEnabled): tokens for scripts come from the
 * client-credentials grant of their own client;</li>
 * <li>no per-factory client (one whose mappers hard-code the organization claim, i.e. a factory's MES) and no
 * organizations: both are created when a real factory joins;</li>
 * <li>no client secret: a kept confidential client's secret is a placeholder filled from a Secret by the
 * KeycloakRealmImport ({@link #placeholderOf});</li>
 * <li>the local gateway address (http://localhost:8080) in redirect and root URLs becomes the public one;</li>
 * <li>brute-force protection on, self-registration off, TLS required for external requests at least.</li>
 * </ul>
 */
final class RealmForProduction {

    /** The platform's public address in the manifests (the gateway's Ingress host); set yours in both places. */
    static final String PUBLIC_URL = "https://api.bwu.example";
    private static final String LOCAL_URL = "http://localhost:8080";

    private RealmForProduction() {
    }

    static ObjectNode derive(JsonNode local) {
        ObjectNode realm = local.deepCopy();
        Set<String> keptClients = new HashSet<>();
        ArrayNode clients = (ArrayNode) realm.withArray("clients");
        for (Iterator<JsonNode> it = clients.elements(); it.hasNext();) {
            JsonNode client = it.next();
            if (passwordGrant(client) || perFactory(client)) {
                it.remove();
            } else {
                keptClients.add(client.path("clientId").asText());
                // explicit: Keycloak's default for a client without the field is not the same in every path
                ((ObjectNode) client).put("directAccessGrantsEnabled", false);
                publicAddress((ObjectNode) client);
                if (client.hasNonNull("secret")) {
                    ((ObjectNode) client).put("secret", "${" + placeholderOf(client.path("clientId").asText()) + "}");
                }
            }
        }
        if (realm.has("users")) {
            ArrayNode users = (ArrayNode) realm.get("users");
            for (Iterator<JsonNode> it = users.elements(); it.hasNext();) {
                JsonNode user = it.next();
                if (!keptClients.contains(user.path("serviceAccountClientId").asText(null))) {
                    it.remove();
                }
            }
            if (users.isEmpty()) {
                realm.remove("users");
            }
        }
        realm.remove("organizations");
        realm.put("displayName", "Build with Ukraine production network");
        realm.put("bruteForceProtected", true);
        realm.put("registrationAllowed", false);
        if (!"all".equals(realm.path("sslRequired").asText())) {
            realm.put("sslRequired", "external");
        }
        return realm;
    }

    private static void publicAddress(ObjectNode node) {
        node.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            if (value.isTextual() && value.asText().contains(LOCAL_URL)) {
                e.setValue(node.textNode(value.asText().replace(LOCAL_URL, PUBLIC_URL)));
            } else if (value.isObject()) {
                publicAddress((ObjectNode) value);
            } else if (value.isArray()) {
                ArrayNode array = (ArrayNode) value;
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i).isTextual() && array.get(i).asText().contains(LOCAL_URL)) {
                        array.set(i, array.textNode(array.get(i).asText().replace(LOCAL_URL, PUBLIC_URL)));
                    } else if (array.get(i).isObject()) {
                        publicAddress((ObjectNode) array.get(i));
                    }
                }
            }
        });
    }

    /** The placeholder (and Secret) name of a kept confidential client's secret, e.g. BWU_CONSOLE_SECRET. */
    static String placeholderOf(String clientId) {
        return clientId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_SECRET";
    }

    /** Kept confidential clients whose secrets the import fills from Secrets. */
    static List<String> confidentialClients(JsonNode realm) {
        List<String> ids = new ArrayList<>();
        realm.path("clients").forEach(c -> {
            if (c.hasNonNull("secret")) {
                ids.add(c.path("clientId").asText());
            }
        });
        return ids;
    }

    static boolean passwordGrant(JsonNode client) {
        return client.path("directAccessGrantsEnabled").asBoolean(false)
                || client.path("attributes").path("oauth2.device.authorization.grant.enabled").asText().equals("true");
    }

    static boolean perFactory(JsonNode client) {
        for (JsonNode mapper : client.path("protocolMappers")) {
            if (mapper.path("protocolMapper").asText().equals("oidc-hardcoded-claim-mapper")
                    && mapper.path("config").path("claim.name").asText().equals("organization")) {
                return true;
            }
        }
        return false;
    }
}
