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
 * <li>brute-force protection on, self-registration off, TLS required for external requests at least;</li>
 * <li>a password policy ({@link #PASSWORD_POLICY}) and a browser flow ({@link #BROWSER_FLOW}) that asks people
 * with a role of {@link #SECOND_FACTOR_ROLES} for a one-time code after their password, and makes them set one
 * up at their first sign-in (Keycloak's OTP form adds the required action when none is configured).</li>
 * </ul>
 */
final class RealmForProduction {

    /** The platform's public address in the manifests (the gateway's Ingress host); set yours in both places. */
    static final String PUBLIC_URL = "https://api.bwu.example";
    private static final String LOCAL_URL = "http://localhost:8080";

    /** At least 12 characters with a digit, an upper- and a lower-case letter, not the user name or e-mail, not one of the last 5. */
    static final String PASSWORD_POLICY = "length(12) and digits(1) and upperCase(1) and lowerCase(1)"
            + " and notUsername(undefined) and notEmail(undefined) and passwordHistory(5)";
    /** Realm roles whose holders cannot sign in without a second factor. */
    static final List<String> SECOND_FACTOR_ROLES = List.of("network-admin", "technology-officer");
    static final String BROWSER_FLOW = "bwu browser";
    private static final String FORMS_FLOW = "bwu browser forms";

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
        realm.put("passwordPolicy", PASSWORD_POLICY);
        secondFactor(realm);
        return realm;
    }

    /**
     * Keycloak's browser flow (cookie, identity-provider redirector, then the forms) with the forms asking, after
     * the password, for a one-time code: one conditional sub-flow per role of {@link #SECOND_FACTOR_ROLES}, each
     * also requiring that the user holds none of the roles before it (so that a holder of both is asked once), and
     * a last one keeping Keycloak's default for everyone else: a code when they have set one up.
     */
    private static void secondFactor(ObjectNode realm) {
        ArrayNode flows = realm.putArray("authenticationFlows");
        ArrayNode configs = realm.putArray("authenticatorConfig");
        ObjectNode browser = flow(flows, BROWSER_FLOW, "Browser sign-in; a one-time code for "
                + String.join(" and ", SECOND_FACTOR_ROLES), true);
        execution(browser, "auth-cookie", "ALTERNATIVE", null);
        execution(browser, "identity-provider-redirector", "ALTERNATIVE", null);
        subFlow(browser, FORMS_FLOW, "ALTERNATIVE");
        ObjectNode forms = flow(flows, FORMS_FLOW, "User name and password, then a one-time code where required",
                false);
        execution(forms, "auth-username-password-form", "REQUIRED", null);
        List<String> before = new ArrayList<>();
        for (String role : SECOND_FACTOR_ROLES) {
            String alias = "bwu one-time code for " + role;
            subFlow(forms, alias, "CONDITIONAL");
            ObjectNode otp = flow(flows, alias, "Holders of " + role + " cannot sign in without a one-time code",
                    false);
            execution(otp, "conditional-user-role", "REQUIRED", roleCondition(configs, role, false));
            for (String earlier : before) {
                execution(otp, "conditional-user-role", "REQUIRED", roleCondition(configs, earlier, true));
            }
            execution(otp, "auth-otp-form", "REQUIRED", null);
            before.add(role);
        }
        String alias = "bwu one-time code when set up";
        subFlow(forms, alias, "CONDITIONAL");
        ObjectNode configured = flow(flows, alias, "Everyone else: a one-time code once they have set one up", false);
        execution(configured, "conditional-user-configured", "REQUIRED", null);
        for (String role : SECOND_FACTOR_ROLES) {
            execution(configured, "conditional-user-role", "REQUIRED", roleCondition(configs, role, true));
        }
        execution(configured, "auth-otp-form", "REQUIRED", null);
        realm.put("browserFlow", BROWSER_FLOW);
    }

    private static ObjectNode flow(ArrayNode flows, String alias, String description, boolean topLevel) {
        ObjectNode flow = flows.addObject();
        flow.put("alias", alias).put("description", description).put("providerId", "basic-flow")
                .put("topLevel", topLevel).put("builtIn", false);
        flow.putArray("authenticationExecutions");
        return flow;
    }

    private static void execution(ObjectNode flow, String authenticator, String requirement, String config) {
        ArrayNode executions = (ArrayNode) flow.get("authenticationExecutions");
        ObjectNode execution = executions.addObject();
        execution.put("authenticator", authenticator);
        if (config != null) {
            execution.put("authenticatorConfig", config);
        }
        execution.put("authenticatorFlow", false).put("requirement", requirement)
                .put("priority", executions.size() * 10).put("userSetupAllowed", false);
    }

    private static void subFlow(ObjectNode flow, String alias, String requirement) {
        ArrayNode executions = (ArrayNode) flow.get("authenticationExecutions");
        executions.addObject().put("authenticatorFlow", true).put("requirement", requirement)
                .put("priority", executions.size() * 10).put("flowAlias", alias).put("userSetupAllowed", false);
    }

    /** The alias of a "Condition - user role" configuration, added once. */
    private static String roleCondition(ArrayNode configs, String role, boolean negate) {
        String alias = (negate ? "not " : "") + role;
        for (JsonNode config : configs) {
            if (config.path("alias").asText().equals(alias)) {
                return alias;
            }
        }
        ObjectNode config = configs.addObject().put("alias", alias);
        config.putObject("config").put("condUserRole", role).put("negate", Boolean.toString(negate));
        return alias;
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
