package org.buildwithukraine.k8s;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The rendered overlays as JSON trees, and helpers to read Kubernetes objects. */
final class Manifests {

    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> OVERLAYS = List.of("dev", "production");

    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    static Path repositoryRoot() {
        return moduleDir().getParent();
    }

    /** The objects of an overlay as kubectl kustomize renders them (rendered once per test run). */
    static List<ObjectNode> overlay(String name) {
        return RENDERED.computeIfAbsent(name,
                n -> parse(Kubectl.kustomize(moduleDir().resolve("overlays").resolve(n))));
    }

    /** A fresh, mutable copy of an overlay, for tests that break things on purpose. */
    static List<ObjectNode> copyOf(String overlay) {
        return overlay(overlay).stream().map(ObjectNode::deepCopy).toList();
    }

    static List<ObjectNode> parse(String yaml) {
        try (var parser = new YAMLFactory().createParser(yaml)) {
            List<ObjectNode> objects = new ArrayList<>();
            var it = YAML.readValues(parser, ObjectNode.class);
            while (it.hasNext()) {
                ObjectNode node = it.next();
                if (node != null && !node.isEmpty()) {
                    objects.add(node);
                }
            }
            return objects;
        } catch (IOException e) {
            throw new IllegalStateException("rendered YAML does not parse", e);
        }
    }

    static String kind(JsonNode o) {
        return o.path("kind").asText();
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static String namespace(JsonNode o) {
        return o.path("metadata").path("namespace").asText("");
    }

    static String id(JsonNode o) {
        return kind(o) + "/" + name(o);
    }

    static Stream<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o)));
    }

    static ObjectNode get(List<ObjectNode> objects, String kind, String name) {
        return find(objects, kind, name).orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    static Optional<ObjectNode> find(List<ObjectNode> objects, String kind, String name) {
        return ofKind(objects, kind).filter(o -> name.equals(name(o))).findFirst();
    }

    /** The pod template of a workload, or empty for objects that run no pods. */
    static Optional<ObjectNode> podTemplate(JsonNode o) {
        JsonNode template = switch (kind(o)) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> o.path("spec").path("template");
            case "CronJob" -> o.path("spec").path("jobTemplate").path("spec").path("template");
            case "Pod" -> o;
            default -> null;
        };
        return template instanceof ObjectNode t ? Optional.of(t) : Optional.empty();
    }

    static Map<String, String> labels(JsonNode metadataOwner) {
        Map<String, String> labels = new java.util.TreeMap<>();
        metadataOwner.path("metadata").path("labels").fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** Whether a label selector (matchLabels and matchExpressions) selects a pod template (or any object's labels). */
    static boolean selects(JsonNode selector, JsonNode template) {
        JsonNode labels = template.path("metadata").path("labels");
        if (!matchLabels(selector.path("matchLabels"), labels)) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            JsonNode value = labels.get(expression.path("key").asText());
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value.asText());
                case "NotIn" -> value == null || !values.contains(value.asText());
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether labels carry every label of a plain selector (a Service's, or a selector's matchLabels). */
    static boolean matchLabels(JsonNode wanted, JsonNode labels) {
        var it = wanted.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!Objects.equals(labels.path(e.getKey()).asText(null), e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    /** An object that carries these labels and nothing else, for asking whether a selector selects them. */
    static JsonNode withLabels(Map<String, String> labels) {
        ObjectNode object = JSON.createObjectNode();
        labels.forEach(object.putObject("metadata").putObject("labels")::put);
        return object;
    }

    /** The number of a container's port of that name. */
    static Optional<Integer> containerPort(JsonNode container, String name) {
        return stream(container.path("ports")).filter(p -> p.path("name").asText().equals(name))
                .map(p -> p.path("containerPort").asInt()).findFirst();
    }

    /** The number of the port of that name in any container of a pod template. */
    static Optional<Integer> namedPort(JsonNode template, String name) {
        return stream(template.path("spec").path("containers")).map(c -> containerPort(c, name))
                .flatMap(Optional::stream).findFirst();
    }

    /** A port as a probe, policy or monitor names it: a number, or the name of a container port of the pod. */
    static Optional<Integer> portNumber(JsonNode port, JsonNode template) {
        if (port.isInt()) {
            return Optional.of(port.asInt());
        }
        String text = port.asText("");
        return text.matches("\\d+") ? Optional.of(Integer.valueOf(text)) : namedPort(template, text);
    }

    static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    static String toJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
