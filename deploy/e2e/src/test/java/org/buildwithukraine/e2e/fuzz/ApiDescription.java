package org.buildwithukraine.e2e.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations of an OpenAPI document as the fuzzer needs them: each one's parameters, request body and
 * documented statuses, with every schema's {@code $ref} resolved (and {@code allOf} merged) so that values can be
 * generated from it directly.
 */
public final class ApiDescription {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final int MAX_DEPTH = 12;

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();

    public ApiDescription(JsonNode document) {
        this.document = document;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(shared::add);
            for (Iterator<Map.Entry<String, JsonNode>> items = path.getValue().fields(); items.hasNext();) {
                Map.Entry<String, JsonNode> item = items.next();
                if (METHODS.contains(item.getKey())) {
                    operations.add(operation(path.getKey(), item.getKey().toUpperCase(Locale.ROOT), item.getValue(),
                            shared));
                }
            }
        }
    }

    public List<Operation> operations() {
        return operations;
    }

    public JsonNode document() {
        return document;
    }

    private Operation operation(String path, String method, JsonNode node, List<JsonNode> shared) {
        List<Parameter> parameters = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        List<JsonNode> declared = new ArrayList<>();
        node.path("parameters").forEach(declared::add);
        declared.addAll(shared);
        for (JsonNode raw : declared) {
            JsonNode parameter = resolve(raw, 0);
            String in = parameter.path("in").asText();
            if (names.add(in + ":" + parameter.path("name").asText()) && !in.equals("cookie")) {
                parameters.add(new Parameter(parameter.path("name").asText(), in,
                        parameter.path("required").asBoolean(in.equals("path")), resolve(parameter.path("schema"), 0)));
            }
        }
        Body body = null;
        JsonNode requestBody = resolve(node.path("requestBody"), 0);
        if (!requestBody.isMissingNode()) {
            Iterator<Map.Entry<String, JsonNode>> media = requestBody.path("content").fields();
            String mediaType = "application/json";
            JsonNode schema = new ObjectMapper().createObjectNode();
            if (media.hasNext()) {
                Map.Entry<String, JsonNode> first = media.next();
                // a body of any type is sent as bytes
                mediaType = first.getKey().contains("*") ? "application/octet-stream" : first.getKey();
                schema = resolve(first.getValue().path("schema"), 0);
            }
            body = new Body(mediaType, schema, requestBody.path("required").asBoolean(false));
        }
        Set<String> statuses = new LinkedHashSet<>();
        node.path("responses").fieldNames().forEachRemaining(statuses::add);
        return new Operation(method, path, parameters, body, statuses);
    }

    /** The node with its {@code $ref}s resolved at every depth, and an {@code allOf} merged into one schema. */
    public JsonNode resolve(JsonNode node, int depth) {
        if (node == null || node.isMissingNode() || depth > MAX_DEPTH) {
            return node == null ? new ObjectMapper().missingNode() : node;
        }
        if (node.isObject() && node.has("$ref")) {
            JsonNode target = resolve(document.at(node.get("$ref").asText().substring(1)), depth + 1);
            if (!(target instanceof ObjectNode resolved)) {
                return target;
            }
            ObjectNode merged = resolved.deepCopy();
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("$ref")) {
                    merged.set(field.getKey(), field.getValue());
                }
            });
            return merged;
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            if (copy.has("allOf")) {
                ObjectNode merged = new ObjectMapper().createObjectNode();
                for (JsonNode part : copy.remove("allOf")) {
                    JsonNode resolved = resolve(part, depth + 1);
                    resolved.fields().forEachRemaining(field -> {
                        if (field.getKey().equals("properties") && merged.has("properties")) {
                            ((ObjectNode) merged.get("properties")).setAll((ObjectNode) field.getValue());
                        } else {
                            merged.set(field.getKey(), field.getValue());
                        }
                    });
                }
                merged.setAll(copy);
                copy = merged;
            }
            for (String key : List.of("items", "additionalProperties")) {
                if (copy.get(key) != null && copy.get(key).isObject()) {
                    copy.set(key, resolve(copy.get(key), depth + 1));
                }
            }
            for (String key : List.of("anyOf", "oneOf")) {
                if (copy.get(key) != null && copy.get(key).isArray()) {
                    var resolved = new ObjectMapper().createArrayNode();
                    copy.get(key).forEach(part -> resolved.add(resolve(part, depth + 1)));
                    copy.set(key, resolved);
                }
            }
            if (copy.get("properties") instanceof ObjectNode properties) {
                ObjectNode resolved = new ObjectMapper().createObjectNode();
                properties.fields().forEachRemaining(field -> resolved.set(field.getKey(),
                        resolve(field.getValue(), depth + 1)));
                copy.set("properties", resolved);
            }
            return copy;
        }
        return node;
    }

    /** One operation of the document. */
    public record Operation(String method, String path, List<Parameter> parameters, Body body, Set<String> statuses) {

        public String name() {
            return method + " " + path;
        }

        /** Documented: the status itself, its class ({@code 4XX}) or a default answer. */
        public boolean documents(int status) {
            return statuses.contains(String.valueOf(status)) || statuses.contains(status / 100 + "XX")
                    || statuses.contains("default");
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
        }
    }

    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    public record Body(String mediaType, JsonNode schema, boolean required) {

        public boolean json() {
            return mediaType.contains("json");
        }
    }
}
