package org.buildwithukraine.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.gson.JsonParser;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Checks that a rendered object is a valid object of its kind, the way the API server would, without one:
 * <ul>
 * <li>built-in kinds: the official Kubernetes Java client's models, generated from the Kubernetes 1.32 OpenAPI,
 * whose {@code validateJsonElement} rejects unknown fields and missing required fields at every depth (an
 * unknown field is exactly the mistake the API server silently drops);</li>
 * <li>Strimzi kinds: Strimzi's own API model (Jackson, unknown type discriminators fail; fields it does not know
 * land in {@code additionalProperties}, which must stay empty everywhere);</li>
 * <li>Keycloak, CloudNativePG, Barman Cloud and Prometheus Operator kinds: closed schemas written from their CRDs
 * (src/test/resources/schemas), whose subtrees of Kubernetes types go back to the client models;</li>
 * <li>every object: DNS-1123 names and valid label keys and values.</li>
 * </ul>
 * A kind none of these knows is an error: nothing reaches a cluster unchecked.
 */
final class SchemaValidator {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("v1/Namespace", "V1Namespace"),
            Map.entry("v1/ConfigMap", "V1ConfigMap"),
            Map.entry("v1/Secret", "V1Secret"),
            Map.entry("v1/Service", "V1Service"),
            Map.entry("v1/ServiceAccount", "V1ServiceAccount"),
            Map.entry("apps/v1/Deployment", "V1Deployment"),
            Map.entry("apps/v1/StatefulSet", "V1StatefulSet"),
            Map.entry("batch/v1/Job", "V1Job"),
            Map.entry("batch/v1/CronJob", "V1CronJob"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "V1NetworkPolicy"),
            Map.entry("networking.k8s.io/v1/Ingress", "V1Ingress"),
            Map.entry("policy/v1/PodDisruptionBudget", "V1PodDisruptionBudget"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", "V2HorizontalPodAutoscaler"),
            Map.entry("rbac.authorization.k8s.io/v1/Role", "V1Role"),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", "V1RoleBinding"));
    private static final Map<String, Class<?>> STRIMZI = Map.of(
            "kafka.strimzi.io/v1/Kafka", Kafka.class,
            "kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class,
            "kafka.strimzi.io/v1/KafkaUser", KafkaUser.class);
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding");

    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SchemaValidator() {
    }

    /** The problems of one object; empty when it is valid. */
    static List<String> validate(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + Manifests.kind(object);
        List<String> errors = new ArrayList<>();
        metadata(object, errors);
        if (BUILT_IN.containsKey(type)) {
            model(BUILT_IN.get(type), object, "", errors);
        } else if (STRIMZI.containsKey(type)) {
            strimzi(STRIMZI.get(type), object, errors);
        } else {
            JsonNode schema = schema(type);
            if (schema == null) {
                errors.add("no schema for " + type + ": add one (see src/test/resources/schemas/README.md)");
            } else {
                model("V1ObjectMeta", object.path("metadata"), "metadata", errors);
                JsonNode body = object.deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove(List.of("apiVersion", "kind", "metadata"));
                structural(schema, body, "", errors);
            }
        }
        return errors.stream().map(e -> Manifests.id(object) + ": " + e).toList();
    }

    private static void metadata(JsonNode object, List<String> errors) {
        String name = Manifests.name(object);
        Pattern namePattern = Set.of("Service", "Namespace").contains(Manifests.kind(object)) ? DNS_LABEL : DNS_SUBDOMAIN;
        if (!namePattern.matcher(name).matches() || name.length() > 253) {
            errors.add("name '" + name + "' is not a valid Kubernetes name");
        }
        if (!CLUSTER_SCOPED.contains(Manifests.kind(object)) && Manifests.namespace(object).isEmpty()) {
            errors.add("has no namespace");
        }
        labelsOf(object.path("metadata").path("labels"), "metadata.labels", errors);
        Manifests.podTemplate(object).ifPresent(t -> labelsOf(t.path("metadata").path("labels"), "pod template labels", errors));
    }

    private static void labelsOf(JsonNode labels, String where, List<String> errors) {
        labels.fields().forEachRemaining(e -> {
            String key = e.getKey();
            String name = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
            String prefix = key.contains("/") ? key.substring(0, key.indexOf('/')) : "";
            if (!LABEL_NAME.matcher(name).matches() || name.length() > 63
                    || (!prefix.isEmpty() && !DNS_SUBDOMAIN.matcher(prefix).matches())) {
                errors.add(where + ": invalid label key '" + key + "'");
            }
            if (!e.getValue().isTextual() || !LABEL_VALUE.matcher(e.getValue().asText()).matches()
                    || e.getValue().asText().length() > 63) {
                errors.add(where + ": invalid value of label '" + key + "': " + e.getValue());
            }
        });
    }

    private static void model(String modelClass, JsonNode value, String path, List<String> errors) {
        try {
            Class<?> type = Class.forName(MODELS + modelClass);
            Method validate = type.getMethod("validateJsonElement", com.google.gson.JsonElement.class);
            validate.invoke(null, JsonParser.parseString(Manifests.toJson(value)));
        } catch (InvocationTargetException e) {
            errors.add((path.isEmpty() ? "" : path + ": ") + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no Kubernetes model " + modelClass, e);
        }
    }

    private static void strimzi(Class<?> type, JsonNode object, List<String> errors) {
        try {
            Object parsed = STRICT.treeToValue(object, type);
            unknownFields(parsed, Manifests.kind(object), errors, new IdentityHashMap<>());
        } catch (IOException e) {
            errors.add(e.getMessage().lines().findFirst().orElse(e.toString()));
        }
    }

    /** Strimzi and fabric8 models keep fields they do not know in additionalProperties: there must be none. */
    private static void unknownFields(Object value, String path, List<String> errors, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", errors, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, errors, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.strimzi") && !pkg.startsWith("io.fabric8")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object child = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        errors.add(path + ": unknown field(s) " + extra.keySet());
                    }
                } else {
                    unknownFields(child, path + "." + getter.getName().replaceFirst("^(get|is)", ""), errors, seen);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a computed getter that does not apply to this object (e.g. a derived value of another variant)
            }
        }
    }

    private static JsonNode schema(String type) {
        String file = "/schemas/" + type.replace('/', '_') + ".yaml";
        try (InputStream in = SchemaValidator.class.getResourceAsStream(file)) {
            return in == null ? null : Manifests.YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(file, e);
        }
    }

    /** The part of OpenAPI v3 that CRD schemas use, closed: fields a schema does not list are errors. */
    private static void structural(JsonNode schema, JsonNode value, String path, List<String> errors) {
        String at = path.isEmpty() ? "(root)" : path;
        if (schema.has("x-bwu-model")) {
            String model = schema.get("x-bwu-model").asText();
            if (model.equals("keycloak-realm")) {
                KeycloakRealm.validate(value, path, errors);
            } else {
                model(model, value, path, errors);
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    errors.add(at + ": expected an object, got " + value.getNodeType());
                    return;
                }
                schema.path("required").forEach(r -> {
                    if (!value.has(r.asText())) {
                        errors.add(at + ": required field '" + r.asText() + "' is missing");
                    }
                });
                JsonNode properties = schema.path("properties");
                JsonNode additional = schema.get("additionalProperties");
                value.fields().forEachRemaining(e -> {
                    String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                    if (properties.has(e.getKey())) {
                        structural(properties.get(e.getKey()), e.getValue(), child, errors);
                    } else if (additional != null && additional.isObject()) {
                        structural(additional, e.getValue(), child, errors);
                    } else if (!schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                        errors.add(child + ": unknown field (not in the schema)");
                    }
                });
            }
            case "array" -> {
                if (!value.isArray()) {
                    errors.add(at + ": expected a list, got " + value.getNodeType());
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    structural(schema.path("items"), value.get(i), path + "[" + i + "]", errors);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    errors.add(at + ": expected a string, got " + value.getNodeType());
                } else if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                    errors.add(at + ": '" + value.asText() + "' does not match " + schema.get("pattern").asText());
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    errors.add(at + ": expected an integer, got " + value.getNodeType());
                } else if (schema.has("minimum") && value.asLong() < schema.get("minimum").asLong()) {
                    errors.add(at + ": " + value + " is below the minimum " + schema.get("minimum"));
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(at + ": expected true or false, got " + value.getNodeType());
                }
            }
            default -> throw new IllegalStateException("schema type '" + type + "' at " + at + " is not supported");
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
    }
}
