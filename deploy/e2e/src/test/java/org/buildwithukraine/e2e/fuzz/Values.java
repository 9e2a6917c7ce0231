package org.buildwithukraine.e2e.fuzz;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Values for a JSON schema, from one seeded {@link Random}: the same seed gives the same values, so a failure is
 * reproduced by running again with the seed it printed.
 * <ul>
 * <li>{@link #valid}: within the schema's type, enum, format, length, range and pattern (as far as a few
 * candidates can meet a pattern).</li>
 * <li>{@link #boundary}: of the schema's type, at and just past its limits: minimum and maximum length and value,
 * one over them, 0, -1, numbers beyond {@code long}, the empty string, unicode and very long strings.</li>
 * <li>{@link #malformed}: of another JSON type than the schema's, which no lenient reader coerces (an object or
 * array for a string, a word for a number, a string for an array or object).</li>
 * </ul>
 */
public final class Values {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String UNICODE = "Zażółć gęślą jaźń — Слава Україні ✓ 🇺🇦 \u202E\u0301";
    private static final int DEFAULT_MAX_LENGTH = 24;

    private final Random random;
    private final Map<String, List<String>> known = new HashMap<>();

    public Values(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Values the platform holds for a field name (a factory id, a line id...), seen in its answers: a string
     * property or parameter of that name takes one of them most of the time, so that valid requests reach past
     * "not found".
     */
    public void know(String field, Collection<String> values) {
        if (!values.isEmpty()) {
            known.put(field, List.copyOf(values));
        }
    }

    public List<String> known(String field) {
        return known.getOrDefault(field, List.of());
    }

    /** A valid value for a property or parameter of this name. */
    public JsonNode valid(String name, JsonNode schema) {
        List<String> values = known(name);
        if (!values.isEmpty() && type(schema).equals("string") && !schema.has("enum") && random.nextInt(10) < 8) {
            return JSON.textNode(pick(values));
        }
        if (!values.isEmpty() && type(schema).equals("array") && type(schema.path("items")).equals("string")
                && !schema.path("items").has("enum") && random.nextInt(10) < 8) {
            ArrayNode array = JSON.arrayNode();
            array.add(pick(values));
            return array;
        }
        return valid(schema);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    public JsonNode valid(JsonNode schema) {
        JsonNode values = schema.path("enum");
        if (values.isArray() && !values.isEmpty()) {
            List<JsonNode> choices = new ArrayList<>();
            values.forEach(value -> {
                if (!value.isNull()) {
                    choices.add(value);
                }
            });
            if (!choices.isEmpty()) {
                return pick(choices);
            }
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        for (String alternatives : List.of("oneOf", "anyOf")) {
            if (schema.path(alternatives).isArray() && !schema.path(alternatives).isEmpty()) {
                List<JsonNode> choices = new ArrayList<>();
                schema.get(alternatives).forEach(part -> {
                    if (!"null".equals(type(part))) {
                        choices.add(part);
                    }
                });
                if (!choices.isEmpty()) {
                    return valid(pick(choices));
                }
            }
        }
        return switch (type(schema)) {
            case "integer" -> JSON.numberNode(integer(schema));
            case "number" -> JSON.numberNode(integer(schema) + (schema.has("maximum") ? 0 : 0.5));
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                int min = schema.path("minItems").asInt(0);
                int max = Math.min(schema.path("maxItems").asInt(3), min + 3);
                int count = min + random.nextInt(Math.max(1, max - min + 1));
                for (int i = 0; i < count; i++) {
                    array.add(valid(schema.path("items")));
                }
                yield array;
            }
            case "object" -> object(schema);
            case "null" -> JSON.nullNode();
            default -> JSON.textNode(string(schema));
        };
    }

    /** Every required property, and each optional one with a chance of one half. */
    public ObjectNode object(JsonNode schema) {
        ObjectNode object = JSON.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").fields().forEachRemaining(property -> {
            if (required.contains(property.getKey()) || random.nextBoolean()) {
                object.set(property.getKey(), valid(property.getKey(), property.getValue()));
            }
        });
        return object;
    }

    public JsonNode boundary(JsonNode schema) {
        return switch (type(schema)) {
            case "integer", "number" -> {
                List<JsonNode> choices = new ArrayList<>(List.of(JSON.numberNode(0), JSON.numberNode(-1),
                        JSON.numberNode(Integer.MAX_VALUE), JSON.numberNode(Long.MIN_VALUE),
                        JSON.numberNode(BigInteger.TWO.pow(80)), JSON.numberNode(1e308)));
                if (schema.has("minimum")) {
                    choices.add(JSON.numberNode(schema.get("minimum").asLong()));
                    choices.add(JSON.numberNode(schema.get("minimum").asLong() - 1));
                }
                if (schema.has("maximum")) {
                    choices.add(JSON.numberNode(schema.get("maximum").asLong()));
                    choices.add(JSON.numberNode(schema.get("maximum").asLong() + 1));
                }
                yield pick(choices);
            }
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                int count = random.nextBoolean() ? 0 : schema.path("maxItems").asInt(50) + 1;
                for (int i = 0; i < count; i++) {
                    array.add(valid(schema.path("items")));
                }
                yield array;
            }
            case "object" -> JSON.objectNode();
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            default -> JSON.textNode(boundaryString(schema));
        };
    }

    public String boundaryString(JsonNode schema) {
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(255);
        return switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> repeat('a', min);
            case 2 -> repeat('b', max);
            case 3 -> repeat('c', max + 1);
            case 4 -> repeat('d', 10_000);
            case 5 -> UNICODE;
            case 6 -> repeat('ї', max);
            case 7 -> "   ";
            default -> "' OR 1=1 -- <script>${jndi:x}</script> %s %n";
        };
    }

    public JsonNode malformed(JsonNode schema) {
        return switch (type(schema)) {
            case "integer", "number" -> pick(List.of(JSON.textNode("not-a-number"), JSON.objectNode(),
                    JSON.arrayNode().add("x")));
            case "boolean" -> pick(List.of(JSON.textNode("maybe"), JSON.objectNode()));
            case "array" -> pick(List.of(JSON.objectNode(), JSON.textNode("not-an-array")));
            case "object" -> pick(List.of(JSON.textNode("not-an-object"), JSON.numberNode(12), JSON.arrayNode()));
            default -> pick(List.of(JSON.objectNode().put("nested", "object"), JSON.arrayNode().add(1).add(2)));
        };
    }

    /** A value for a path, query or header parameter that the parameter's schema does not allow. */
    public String malformedText(JsonNode schema) {
        return switch (type(schema)) {
            case "integer", "number" -> pick(List.of("not-a-number", "1.5e", "99999999999999999999", "-"));
            case "boolean" -> "maybe";
            default -> boundaryString(schema);
        };
    }

    public String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** The schema's one type: the first that is not "null" of a type list (OpenAPI 3.1), "object" with properties. */
    public static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
            return "null";
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    private long integer(JsonNode schema) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : Math.max(min, 0) + 100;
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            min = schema.get("exclusiveMinimum").asLong() + 1;
        }
        if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()) {
            max = schema.get("exclusiveMaximum").asLong() - 1;
        }
        if (max < min) {
            return min;
        }
        long span = Math.min(max - min, 1_000);
        return min + (span <= 0 ? 0 : (long) (random.nextDouble() * (span + 1)));
    }

    private String string(JsonNode schema) {
        String format = schema.path("format").asText("");
        switch (format) {
            case "date":
                return LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)).toString();
            case "date-time":
                return Instant.parse("2026-01-01T00:00:00Z").plus(random.nextInt(365 * 24 * 60), ChronoUnit.MINUTES)
                        .toString();
            case "uuid":
                return new UUID(random.nextLong(), random.nextLong()).toString();
            case "binary", "byte":
                return "ZnV6eg==";
            default:
                break;
        }
        int min = schema.path("minLength").asInt(1);
        int max = Math.min(schema.path("maxLength").asInt(DEFAULT_MAX_LENGTH), Math.max(min, DEFAULT_MAX_LENGTH));
        if (schema.has("pattern")) {
            Pattern pattern = Pattern.compile(schema.get("pattern").asText());
            for (String candidate : candidates(min, max)) {
                if (pattern.matcher(candidate).find()) {
                    return candidate;
                }
            }
        }
        StringBuilder text = new StringBuilder("fz");
        while (text.length() < Math.max(min, Math.min(max, 8))) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.substring(0, Math.min(text.length(), max));
    }

    /** Shapes the platform's identifiers take (slugs, codes, line and report ids), fresh each time. */
    private List<String> candidates(int min, int max) {
        String word = "fz" + Integer.toString(random.nextInt(1 << 30), 36);
        int number = 10 + random.nextInt(89);
        List<String> candidates = new ArrayList<>(List.of(
                "fz-" + Integer.toString(random.nextInt(1 << 30), 36),
                word.toUpperCase() + "-" + number,
                "FZ-" + number,
                "DE-FZ-" + number,
                "fz" + number,
                word,
                word.toUpperCase(),
                String.valueOf(number),
                "A",
                "DE",
                "uk",
                new UUID(random.nextLong(), random.nextLong()).toString()));
        candidates.removeIf(candidate -> candidate.length() < min || candidate.length() > max);
        return candidates;
    }

    private static String repeat(char c, int count) {
        return String.valueOf(c).repeat(Math.max(0, count));
    }
}
