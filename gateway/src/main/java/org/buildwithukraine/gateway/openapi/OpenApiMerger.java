package org.buildwithukraine.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.buildwithukraine.gateway.Route;
import org.buildwithukraine.gateway.RouteTable;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Merges the services' OpenAPI documents into the platform's: only the operations the gateway routes, served
 * from the gateway, secured by a bearer token. Two services' schemas of the same name but different content are
 * kept apart by prefixing the later one with its service's name.
 */
public final class OpenApiMerger {

    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** An RFC 9457 problem as the gateway and the service kit write it; errors only on a 400 with fields. */
    private static final JsonObject PROBLEM_SCHEMA = new JsonObject("""
            {"type":"object","description":"An RFC 9457 problem detail","required":["title","status"],
             "properties":{"type":{"type":"string"},"title":{"type":"string"},"status":{"type":"integer"},
               "detail":{"type":"string"},"instance":{"type":"string"},
               "errors":{"type":"array","items":{"type":"object",
                 "properties":{"field":{"type":"string"},"message":{"type":"string"}}}}}}""");
    private static final List<String> COMPONENT_KINDS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "links", "callbacks");

    private final RouteTable table;

    public OpenApiMerger(RouteTable table) {
        this.table = table;
    }

    /**
     * @param documents each source's document by source name (the gateway's own first), in merge order
     * @param missing services whose document could not be read; the merged document says so
     */
    public JsonObject merge(Map<String, JsonObject> documents, List<String> missing) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject().put("schemas", new JsonObject());
        JsonArray tags = new JsonArray();
        Set<String> tagNames = new HashSet<>();
        String version = null;
        for (Map.Entry<String, JsonObject> source : documents.entrySet()) {
            JsonObject document = source.getValue().copy();
            version = version == null ? document.getString("openapi") : version;
            keepSchemasApart(components.getJsonObject("schemas"), document, source.getKey());
            mergePaths(paths, document.getJsonObject("paths", new JsonObject()));
            JsonObject theirs = document.getJsonObject("components", new JsonObject());
            for (String kind : COMPONENT_KINDS) {
                JsonObject entries = theirs.getJsonObject(kind);
                if (entries != null) {
                    JsonObject ours = components.getJsonObject(kind);
                    if (ours == null) {
                        components.put(kind, ours = new JsonObject());
                    }
                    for (String name : entries.fieldNames()) {
                        if (!ours.containsKey(name)) {
                            ours.put(name, entries.getValue(name));
                        }
                    }
                }
            }
            for (Object tag : document.getJsonArray("tags", new JsonArray())) {
                if (tag instanceof JsonObject named && tagNames.add(named.getString("name"))) {
                    tags.add(named);
                }
            }
        }
        documentGatewayAnswers(paths, components.getJsonObject("schemas"));
        components.put("securitySchemes", new JsonObject().put("bearer", new JsonObject()
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "An access token of Keycloak realm bwu")));
        String description = "Every API of the Build with Ukraine production network, through its gateway.";
        if (!missing.isEmpty()) {
            description += " Not shown right now, their documents could not be read: " + String.join(", ", missing)
                    + ".";
        }
        JsonObject merged = new JsonObject()
                .put("openapi", version == null ? "3.1.0" : version)
                .put("info", new JsonObject().put("title", "Build with Ukraine platform").put("version", "1")
                        .put("description", description))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())))
                .put("tags", tags)
                .put("paths", paths)
                .put("components", components);
        if (!missing.isEmpty()) {
            merged.put("x-bwu-missing-services", new JsonArray(new ArrayList<>(missing)));
        }
        return merged;
    }

    private void mergePaths(JsonObject merged, JsonObject paths) {
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            JsonObject kept = merged.getJsonObject(path, new JsonObject());
            for (String key : item.fieldNames()) {
                boolean operation = OPERATIONS.contains(key);
                if (operation && !routed(key.toUpperCase(Locale.ROOT), path) || kept.containsKey(key)) {
                    continue;
                }
                Object value = item.getValue(key);
                if (operation && value instanceof JsonObject op && op.getValue("security") instanceof JsonArray security
                        && !security.isEmpty()) {
                    // each service names its own scheme; at the gateway every secured call takes the same token
                    op.put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())));
                }
                kept.put(key, value);
            }
            if (kept.fieldNames().stream().anyMatch(OPERATIONS::contains)) {
                merged.put(path, kept);
            }
        }
    }

    /**
     * The answers the gateway itself may give on any routed operation, before or instead of the backend's (gateway
     * README): 400 for a path it refuses, 401 for a token it refuses, 408 and 413 for a body that trickles or is too
     * large, 429 over the caller's allowance, 502/503/504 for a backend that fails, is out of reach or too slow. A
     * status the service documents keeps its description; an error status documented without content gets the
     * problem content.
     */
    private static void documentGatewayAnswers(JsonObject paths, JsonObject schemas) {
        boolean documented = false;
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (!OPERATIONS.contains(method) || !(item.getValue(method) instanceof JsonObject operation)) {
                    continue;
                }
                JsonObject responses = operation.getJsonObject("responses");
                if (responses == null) {
                    operation.put("responses", responses = new JsonObject());
                }
                Map<String, String> answers = new LinkedHashMap<>();
                answers.put("400", "A path the gateway refuses (dot segments, matrix parameters, encoded slashes)");
                answers.put("401", "No valid bearer token");
                if (operation.containsKey("requestBody")) {
                    answers.put("408", "The request body did not arrive in time");
                    answers.put("413", "The request body is too large");
                }
                answers.put("429", "Over the caller's allowance or requests in flight; retry after Retry-After");
                answers.put("502", "The backend failed");
                answers.put("503", "The backend is out of reach or its circuit breaker is open; retry after "
                        + "Retry-After");
                answers.put("504", "The backend did not answer in time");
                for (Map.Entry<String, String> answer : answers.entrySet()) {
                    if (!responses.containsKey(answer.getKey())) {
                        responses.put(answer.getKey(), new JsonObject().put("description", answer.getValue()));
                    }
                }
                for (String status : responses.fieldNames()) {
                    JsonObject response = responses.getJsonObject(status);
                    JsonObject content = response.getJsonObject("content");
                    if ((status.startsWith("4") || status.startsWith("5")) && (content == null || content.isEmpty())) {
                        response.put("content", new JsonObject().put(PROBLEM_JSON, new JsonObject()
                                .put("schema", new JsonObject().put("$ref", SCHEMA_REF + PROBLEM))));
                    }
                }
                documented = true;
            }
        }
        if (documented && !schemas.containsKey(PROBLEM)) {
            schemas.put(PROBLEM, PROBLEM_SCHEMA.copy());
        }
    }

    private boolean routed(String method, String path) {
        for (Route route : table.routes()) {
            if (route.admitsMethod(method) && route.path().covers(path)) {
                return true;
            }
        }
        return false;
    }

    /** Renames this document's schemas that clash with different ones already merged, and its references. */
    private static void keepSchemasApart(JsonObject mergedSchemas, JsonObject document, String source) {
        JsonObject schemas = document.getJsonObject("components", new JsonObject()).getJsonObject("schemas");
        if (schemas == null) {
            return;
        }
        Map<String, String> renamed = new HashMap<>();
        String prefix = Character.toUpperCase(source.charAt(0)) + source.substring(1).replaceAll("[^A-Za-z0-9]", "");
        for (String name : new ArrayList<>(schemas.fieldNames())) {
            Object existing = mergedSchemas.getValue(name);
            if (existing != null && !existing.equals(schemas.getValue(name))) {
                String newName = prefix + name;
                for (int n = 2; mergedSchemas.containsKey(newName) || schemas.containsKey(newName); n++) {
                    newName = prefix + name + n;
                }
                renamed.put(SCHEMA_REF + name, SCHEMA_REF + newName);
                schemas.put(newName, schemas.remove(name));
            }
        }
        if (!renamed.isEmpty()) {
            rewriteReferences(document, renamed);
        }
    }

    private static void rewriteReferences(Object node, Map<String, String> renamed) {
        if (node instanceof JsonObject object) {
            for (String key : new ArrayList<>(object.fieldNames())) {
                Object value = object.getValue(key);
                if (key.equals("$ref") && value instanceof String ref && renamed.containsKey(ref)) {
                    object.put(key, renamed.get(ref));
                } else {
                    rewriteReferences(value, renamed);
                }
            }
        } else if (node instanceof JsonArray array) {
            for (Object value : array) {
                rewriteReferences(value, renamed);
            }
        }
    }
}
