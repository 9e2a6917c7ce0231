package org.buildwithukraine.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An OpenAPI 3.1 document rewritten in the OpenAPI 3.0 schema dialect, for a validator that reads 3.0 schemas
 * (JSON Schema draft 4 with {@code nullable}): a type list becomes its one type, or an {@code anyOf} of its
 * types, and {@code nullable: true} if "null" is among them, an {@code anyOf}/{@code oneOf} with a "null" alternative its other alternatives and
 * {@code nullable}, {@code const} a one-value {@code enum}, a numeric {@code exclusiveMinimum}/{@code Maximum} the
 * boolean form, and schema {@code examples} are dropped. What a value may be stays the same.
 */
public final class OpenApi30 {

    private OpenApi30() {
    }

    public static JsonNode of(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        copy.put("openapi", "3.0.3");
        rewrite(copy);
        return copy;
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(OpenApi30::rewrite);
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        if (object.get("type") instanceof ArrayNode types) {
            List<String> kept = new ArrayList<>();
            types.forEach(type -> kept.add(type.asText()));
            boolean nullable = kept.remove("null");
            object.remove("type");
            if (kept.size() == 1) {
                object.put("type", kept.get(0));
            } else if (!kept.isEmpty()) {
                ArrayNode alternatives = object.putArray("anyOf");
                for (String type : kept) {
                    ObjectNode alternative = alternatives.addObject().put("type", type);
                    if (type.equals("array")) {
                        // an array schema of OpenAPI 3.0 names its items
                        alternative.set("items", object.has("items") ? object.get("items") : object.objectNode());
                    }
                }
            }
            if (nullable) {
                object.put("nullable", true);
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
                if (nullable) {
                    object.set(kept.size() == 1 ? "allOf" : alternatives, kept);
                    if (kept.size() == 1) {
                        object.remove(alternatives);
                    }
                    object.put("nullable", true);
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
        object.forEach(OpenApi30::rewrite);
    }
}
