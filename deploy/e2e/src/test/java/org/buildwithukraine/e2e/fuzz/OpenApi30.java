package org.buildwithukraine.e2e.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An OpenAPI 3.1 document rewritten in the OpenAPI 3.0 schema dialect, for a validator that reads 3.0 schemas
 * (JSON Schema draft 4 with {@code nullable}): a type list becomes its one type, or an {@code anyOf} of its
 * types; an {@code anyOf}/{@code oneOf} with a "null" alternative its other alternatives; {@code const} a one-value
 * {@code enum}; a numeric {@code exclusiveMinimum}/{@code Maximum} the boolean form; and schema {@code examples} are
 * dropped. What a value may be stays the same.
 *
 * <p>Where null was allowed, {@code nullable: true} goes on a schema that names the type itself, since that is
 * where a 3.0 validator reads it (it widens that node's {@code type} and {@code enum} by null, and nothing else): on
 * the one type, on the first of several alternatives, and on a copy of the schema a {@code $ref} names (a
 * {@code nullable} beside a reference or above an {@code anyOf} would not let null through).
 */
public final class OpenApi30 {

    private final JsonNode document;
    /** The references being copied in, innermost last: a schema that contains itself is copied in once. */
    private final Deque<String> copying = new ArrayDeque<>();

    private OpenApi30(JsonNode document) {
        this.document = document;
    }

    public static JsonNode of(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        copy.put("openapi", "3.0.3");
        new OpenApi30(document).rewrite(copy);
        return copy;
    }

    private void rewrite(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(this::rewrite);
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        object.forEach(this::rewrite);
        if (object.get("type") instanceof ArrayNode types) {
            List<String> kept = new ArrayList<>();
            types.forEach(type -> kept.add(type.asText()));
            boolean nullable = kept.remove("null");
            object.remove("type");
            if (kept.size() == 1) {
                object.put("type", kept.get(0));
                if (nullable) {
                    object.put("nullable", true);
                }
            } else if (!kept.isEmpty()) {
                ArrayNode alternatives = object.putArray("anyOf");
                for (String type : kept) {
                    ObjectNode alternative = alternatives.addObject().put("type", type);
                    if (type.equals("array")) {
                        // an array schema of OpenAPI 3.0 names its items
                        alternative.set("items", object.has("items") ? object.get("items") : object.objectNode());
                    }
                }
                if (nullable) {
                    alternatives.set(0, nullable(alternatives.get(0)));
                }
            }
        }
        for (String alternatives : List.of("anyOf", "oneOf")) {
            if (object.get(alternatives) instanceof ArrayNode parts) {
                ArrayNode kept = parts.arrayNode();
                boolean nullable = false;
                for (JsonNode part : parts) {
                    if (part.path("type").asText().equals("null")) {
                        nullable = true;
                    } else {
                        kept.add(part);
                    }
                }
                if (nullable && !kept.isEmpty()) {
                    kept.set(0, nullable(kept.get(0)));
                    object.remove(alternatives);
                    object.set(kept.size() == 1 ? "allOf" : alternatives, kept);
                }
            }
        }
        if (object.has("const") && !object.has("enum") && object.get("const").isValueNode()) {
            object.set("enum", object.arrayNode().add(object.remove("const")));
        }
        for (String bound : List.of("Minimum", "Maximum")) {
            JsonNode exclusive = object.get("exclusive" + bound);
            if (exclusive != null && exclusive.isNumber()) {
                object.set(bound.toLowerCase(), exclusive);
                object.put("exclusive" + bound, true);
            }
        }
        if (object.get("examples") instanceof ArrayNode) {
            object.remove("examples");
        }
    }

    /** The schema (rewritten already) that also takes null, as a 3.0 validator sees it. */
    private JsonNode nullable(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return schema;
        }
        if (object.has("$ref")) {
            String reference = object.get("$ref").asText();
            if (copying.contains(reference) || !(document.at(reference.substring(1)) instanceof ObjectNode named)) {
                return object;
            }
            copying.addLast(reference);
            ObjectNode target = named.deepCopy();
            rewrite(target);
            object.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("$ref")) {
                    target.set(field.getKey(), field.getValue());
                }
            });
            JsonNode copy = nullable(target);
            copying.removeLast();
            return copy;
        }
        if (!object.has("type") && !object.has("enum")) {
            for (String alternatives : List.of("anyOf", "oneOf")) {
                if (object.get(alternatives) instanceof ArrayNode parts && !parts.isEmpty()) {
                    parts.set(0, nullable(parts.get(0)));
                    return object;
                }
            }
            if (object.get("allOf") instanceof ArrayNode parts) {
                for (int i = 0; i < parts.size(); i++) {
                    parts.set(i, nullable(parts.get(i)));
                }
                return object;
            }
        }
        return object.put("nullable", true);
    }
}
