package org.buildwithukraine.e2e.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.buildwithukraine.e2e.fuzz.ApiDescription.Operation;
import org.buildwithukraine.e2e.fuzz.ApiDescription.Parameter;
import org.buildwithukraine.e2e.fuzz.FuzzCase.Kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Requests of each {@link Kind} for an operation, from the operation's parameters and body schema and the
 * {@link Values} of one seed. A path parameter takes a value the platform holds under the collection before it
 * (the ids a list answered), so that valid requests reach existing resources.
 */
public final class CaseGenerator {

    private static final String UNKNOWN_FIELD = "fuzzUnknownField";
    private static final int MAX_PARAMETER_LENGTH = 300;
    private static final String CONTENT_DIGEST = "Content-Digest";
    /** Header parameters OpenAPI leaves to the HTTP layer: the body's type, what is accepted, the token. */
    private static final Set<String> HTTP_HEADERS = Set.of("content-type", "accept", "authorization");

    private final Values values;
    private final Function<String, List<String>> idsOfCollection;

    /** @param idsOfCollection the ids a concrete collection path (e.g. /api/factories) answered, or none */
    public CaseGenerator(Values values, Function<String, List<String>> idsOfCollection) {
        this.values = values;
        this.idsOfCollection = idsOfCollection;
    }

    /** The kinds that apply to an operation: no body kinds without a body, no missing field without one required. */
    public static List<Kind> kinds(Operation operation) {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.VALID, Kind.BOUNDARY, Kind.ANONYMOUS));
        if (operation.parameters().stream().anyMatch(CaseGenerator::strict)) {
            kinds.add(Kind.BAD_PARAMETER);
        }
        if (operation.body() != null && operation.body().json()) {
            kinds.addAll(List.of(Kind.WRONG_TYPE, Kind.UNKNOWN_FIELD, Kind.BROKEN_JSON, Kind.WRONG_CONTENT_TYPE));
            if (operation.body().schema().path("required").size() > 0) {
                kinds.add(Kind.MISSING_REQUIRED);
            }
            if (operation.body().required()) {
                kinds.add(Kind.NO_BODY);
            }
        }
        return kinds;
    }

    public FuzzCase generate(Operation operation, String caller, Kind kind) {
        List<Parameter> strict = operation.parameters().stream().filter(CaseGenerator::strict).toList();
        Parameter spoiled = kind == Kind.BAD_PARAMETER ? values.pick(strict)
                : kind == Kind.BOUNDARY && !operation.parameters().isEmpty() && values.nextInt(2) == 0
                        ? values.pick(operation.parameters()) : null;
        String path = path(operation, kind, spoiled);
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path") || parameter.in().equals("header")
                    && HTTP_HEADERS.contains(parameter.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String value = parameter == spoiled ? spoil(parameter, kind)
                    : parameter.required() || values.nextInt(2) == 0 ? valid(parameter) : null;
            if (value == null) {
                continue;
            }
            if (parameter.in().equals("query")) {
                query.append(query.isEmpty() ? "" : "&").append(encode(parameter.name())).append('=')
                        .append(encode(value));
            } else if (parameter.in().equals("header")) {
                headers.put(parameter.name(), ascii(value));
            }
        }
        String contentType = null;
        byte[] body = null;
        if (operation.body() != null) {
            contentType = operation.body().mediaType();
            body = body(operation, kind);
            if (kind == Kind.WRONG_CONTENT_TYPE) {
                contentType = "text/plain";
            }
            if (body == null) {
                contentType = null;
            }
            boolean digested = headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase(CONTENT_DIGEST));
            if (body != null && digested && kind != Kind.BAD_PARAMETER && kind != Kind.BOUNDARY) {
                headers.put(CONTENT_DIGEST, digest(body));
            }
        }
        return new FuzzCase(operation, caller, kind, path, query.toString(), headers, contentType, body);
    }

    /** A parameter whose wrong value the service must refuse: a number, a boolean or one of an enum. */
    private static boolean strict(Parameter parameter) {
        String type = Values.type(parameter.schema());
        return type.equals("integer") || type.equals("number") || type.equals("boolean")
                || parameter.schema().has("enum");
    }

    private String path(Operation operation, Kind kind, Parameter spoiled) {
        StringBuilder concrete = new StringBuilder();
        String template = operation.path();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                concrete.append(template, at, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            concrete.append(template, at, open);
            String name = template.substring(open + 1, close);
            Parameter parameter = operation.in("path").stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElse(new Parameter(name, "path", true, JsonNodeFactory.instance.objectNode()));
            String value;
            if (parameter == spoiled) {
                value = spoil(parameter, kind);
            } else {
                List<String> ids = idsOfCollection.apply(stripSlash(concrete.toString()));
                value = !ids.isEmpty() && values.nextInt(10) < 9 ? values.pick(ids) : valid(parameter);
            }
            concrete.append(encode(value.isEmpty() ? " " : value));
            at = close + 1;
        }
        return concrete.toString();
    }

    private String valid(Parameter parameter) {
        if (parameter.name().equalsIgnoreCase("Idempotency-Key")) {
            return UUID.randomUUID().toString();
        }
        return values.text(values.valid(parameter.name(), parameter.schema()));
    }

    private String spoil(Parameter parameter, Kind kind) {
        String value;
        if (kind == Kind.BAD_PARAMETER) {
            value = parameter.schema().has("enum") && !Values.type(parameter.schema()).equals("integer")
                    ? "NOT_ONE_OF_" + values.nextInt(1000) : values.malformedText(parameter.schema());
        } else {
            value = values.text(values.boundary(parameter.schema()));
        }
        // the HTTP codec's own limits (4 KiB request line, 8 KiB headers) are not the API's: stay within them
        return value.length() > MAX_PARAMETER_LENGTH ? value.substring(0, MAX_PARAMETER_LENGTH) : value;
    }

    private byte[] body(Operation operation, Kind kind) {
        JsonNode schema = operation.body().schema();
        if (!operation.body().json()) {
            byte[] bytes = new byte[16 + values.nextInt(64)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) values.nextInt(256);
            }
            return kind == Kind.NO_BODY ? null : bytes;
        }
        JsonNode valid = values.valid(schema);
        JsonNode sent = switch (kind) {
            case BOUNDARY -> replaceOne(valid, schema, values::boundary);
            case WRONG_TYPE -> values.nextInt(4) == 0 ? values.malformed(schema)
                    : replaceOne(valid, schema, values::malformed);
            case MISSING_REQUIRED -> {
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(name -> required.add(name.asText()));
                if (valid instanceof ObjectNode object) {
                    object.remove(values.pick(required));
                }
                yield valid;
            }
            case UNKNOWN_FIELD -> {
                if (valid instanceof ObjectNode object) {
                    object.put(UNKNOWN_FIELD, values.nextInt(100));
                    yield object;
                }
                yield valid;
            }
            default -> valid;
        };
        String json = sent.toString();
        return switch (kind) {
            case BROKEN_JSON -> values.pick(List.of(json.substring(0, Math.max(1, json.length() / 2)),
                    json + "}", "{\"" + UNKNOWN_FIELD + "\":}", "\u00ff\u00fe{", "{" + json)).getBytes(StandardCharsets.UTF_8);
            case NO_BODY -> new byte[0];
            default -> json.getBytes(StandardCharsets.UTF_8);
        };
    }

    /**
     * The value with one property (at the top level, one object down or in every element of an array of objects)
     * replaced by what the generator makes.
     */
    private JsonNode replaceOne(JsonNode value, JsonNode schema, Function<JsonNode, JsonNode> generator) {
        if (!(value instanceof ObjectNode object) || !schema.has("properties")) {
            return generator.apply(schema);
        }
        List<String> names = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            return value;
        }
        String name = values.pick(names);
        JsonNode property = schema.get("properties").get(name);
        if (Values.type(property).equals("object") && property.has("properties") && values.nextInt(2) == 0
                && object.get(name) != null) {
            object.set(name, replaceOne(object.get(name), property, generator));
        } else if (Values.type(property).equals("array") && property.path("items").has("properties")
                && object.get(name) instanceof ArrayNode array && !array.isEmpty()
                && values.nextInt(2) == 0) {
            // every element, not one: a batch refuses its items one by one and takes the others
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replaceOne(array.get(i), property.get("items"), generator));
            }
        } else {
            object.set(name, generator.apply(property));
        }
        return object;
    }

    /** RFC 9530: the body's SHA-256, so that a valid upload is taken. */
    private static String digest(byte[] body) {
        try {
            return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body))
                    + ":";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Header values go out as ISO-8859-1: anything beyond ASCII becomes '?'. */
    private static String ascii(String value) {
        StringBuilder text = new StringBuilder(value.length());
        value.chars().forEach(c -> text.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return text.toString();
    }
}
