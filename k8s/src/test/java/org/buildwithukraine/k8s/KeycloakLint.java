package org.buildwithukraine.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the lint requires of Keycloak in the manifests: the realm a KeycloakRealmImport creates has a password
 * policy and makes the holders of the privileged roles sign in with a second factor, and no Ingress publishes more
 * of Keycloak than realm {@value #PUBLIC_REALM} and the static resources its pages load.
 */
final class KeycloakLint {

    static final String PUBLIC_REALM = "bwu";
    /** Paths of Keycloak an Ingress may publish (as Prefix or Exact). */
    static final List<String> PUBLIC_PATHS = List.of("/realms/" + PUBLIC_REALM + "/", "/resources/");
    /** Realm roles that can change who may build and export what: no sign-in without a second factor. */
    static final List<String> SECOND_FACTOR_ROLES = List.of("network-admin", "technology-officer");

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern POLICY_PART = Pattern.compile("\\s*(\\w+)\\s*(?:\\((.*)\\))?\\s*");
    private static final List<String> REQUIRED_POLICIES = List.of("digits", "upperCase", "lowerCase", "notUsername",
            "passwordHistory");

    private KeycloakLint() {
    }

    /** Reports, for the realm of one KeycloakRealmImport, each way it falls short. */
    static void realm(JsonNode realm, java.util.function.Consumer<String> violation) {
        Map<String, String> policy = passwordPolicy(realm.path("passwordPolicy").asText(""));
        if (policy.isEmpty()) {
            violation.accept("realm " + realm.path("realm").asText() + " has no password policy");
        } else {
            int length = number(policy.get("length"));
            if (length < MIN_PASSWORD_LENGTH) {
                violation.accept("the password policy asks for " + length + " characters, not at least "
                        + MIN_PASSWORD_LENGTH);
            }
            for (String required : REQUIRED_POLICIES) {
                if (!policy.containsKey(required) || !required.startsWith("not") && number(policy.get(required)) < 1) {
                    violation.accept("the password policy has no " + required);
                }
            }
        }
        Set<String> covered = secondFactorRoles(realm);
        for (String role : SECOND_FACTOR_ROLES) {
            if (!covered.contains(role)) {
                violation.accept("holders of " + role + " can sign in without a one-time code (browser flow "
                        + realm.path("browserFlow").asText("browser") + ")");
            }
        }
        for (JsonNode client : realm.path("clients")) {
            String clientId = client.path("clientId").asText();
            if (client.path("authenticationFlowBindingOverrides").hasNonNull("browser")) {
                violation.accept("client " + clientId + " signs in through a browser flow of its own");
            }
            if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                violation.accept("client " + clientId + " allows the password grant, which asks no second factor");
            }
        }
    }

    /** Reports each path of an Ingress that publishes more of the Keycloak named {@code keycloakName} than it may. */
    static void ingress(JsonNode ingress, Set<String> keycloakServices, BiConsumer<String, String> violation) {
        if (keycloakServices.contains(ingress.path("spec").path("defaultBackend").path("service").path("name")
                .asText())) {
            violation.accept("default backend", "sends every path to Keycloak");
        }
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                if (!keycloakServices.contains(path.path("backend").path("service").path("name").asText())) {
                    continue;
                }
                String value = path.path("path").asText("/");
                String type = path.path("pathType").asText();
                if (!type.equals("Prefix") && !type.equals("Exact")) {
                    violation.accept(value, "is of pathType " + type + "; Keycloak's paths must be Prefix or Exact");
                } else if (PUBLIC_PATHS.stream().noneMatch(allowed -> (value + "/").startsWith(allowed))) {
                    violation.accept(value, "publishes Keycloak beyond " + PUBLIC_PATHS
                            + " (the admin console, the master realm or another realm)");
                }
            }
        }
    }

    /**
     * The roles whose holders the realm's browser flow asks for a one-time code: a CONDITIONAL sub-flow next to
     * the password form holding a REQUIRED "Condition - user role" for the role and a REQUIRED OTP form; any other
     * condition of it may only exclude holders of roles an earlier sub-flow already covers.
     */
    static Set<String> secondFactorRoles(JsonNode realm) {
        Map<String, JsonNode> flows = new HashMap<>();
        realm.path("authenticationFlows").forEach(f -> flows.put(f.path("alias").asText(), f));
        Map<String, JsonNode> configs = new HashMap<>();
        realm.path("authenticatorConfig").forEach(c -> configs.put(c.path("alias").asText(), c.path("config")));
        Set<String> covered = new HashSet<>();
        JsonNode browser = flows.get(realm.path("browserFlow").asText("browser"));
        if (browser == null) {
            return covered;
        }
        List<JsonNode> pending = new ArrayList<>(List.of(browser));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            JsonNode flow = pending.remove(0);
            if (!seen.add(flow.path("alias").asText())) {
                continue;
            }
            List<JsonNode> executions = executions(flow);
            boolean passwordForm = executions.stream().anyMatch(e -> !e.path("authenticatorFlow").asBoolean()
                    && e.path("authenticator").asText().equals("auth-username-password-form")
                    && e.path("requirement").asText().equals("REQUIRED"));
            for (JsonNode execution : executions) {
                if (!execution.path("authenticatorFlow").asBoolean()
                        || execution.path("requirement").asText().equals("DISABLED")) {
                    continue;
                }
                JsonNode sub = flows.get(execution.path("flowAlias").asText());
                if (sub == null) {
                    continue;
                }
                if (passwordForm && execution.path("requirement").asText().equals("CONDITIONAL")) {
                    String role = oneTimeCodeFor(sub, configs, covered);
                    if (role != null) {
                        covered.add(role);
                    }
                } else {
                    pending.add(sub);
                }
            }
        }
        return covered;
    }

    /** The role a conditional sub-flow asks a one-time code of, or null. */
    private static String oneTimeCodeFor(JsonNode flow, Map<String, JsonNode> configs, Set<String> covered) {
        String role = null;
        boolean otp = false;
        for (JsonNode execution : executions(flow)) {
            String requirement = execution.path("requirement").asText();
            if (requirement.equals("DISABLED")) {
                continue;
            }
            String authenticator = execution.path("authenticator").asText();
            if (!requirement.equals("REQUIRED") || execution.path("authenticatorFlow").asBoolean()) {
                return null;
            }
            if (authenticator.equals("auth-otp-form")) {
                otp = true;
            } else if (authenticator.equals("conditional-user-role")) {
                JsonNode config = configs.get(execution.path("authenticatorConfig").asText());
                if (config == null) {
                    return null;
                }
                String conditionRole = config.path("condUserRole").asText();
                if (config.path("negate").asText("false").equals("true")) {
                    if (!covered.contains(conditionRole)) {
                        return null;
                    }
                } else if (role == null) {
                    role = conditionRole;
                } else {
                    return null;
                }
            } else {
                return null;
            }
        }
        return otp ? role : null;
    }

    private static List<JsonNode> executions(JsonNode flow) {
        List<JsonNode> executions = new ArrayList<>();
        flow.path("authenticationExecutions").forEach(executions::add);
        executions.sort((a, b) -> Integer.compare(a.path("priority").asInt(), b.path("priority").asInt()));
        return executions;
    }

    /** "length(12) and digits(1)" → {length=12, digits=1}. */
    static Map<String, String> passwordPolicy(String policy) {
        Map<String, String> parts = new HashMap<>();
        if (policy.isBlank()) {
            return parts;
        }
        for (String part : policy.split("\\band\\b")) {
            Matcher matcher = POLICY_PART.matcher(part);
            if (matcher.matches()) {
                parts.put(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
            }
        }
        return parts;
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
