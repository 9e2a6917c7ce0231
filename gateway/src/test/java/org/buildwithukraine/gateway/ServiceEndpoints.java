package org.buildwithukraine.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The HTTP endpoints a service declares, read from its JAX-RS resources' sources: method, path template (class
 * and method {@code @Path} joined, regular expressions of variables dropped) and the realm roles of
 * {@code @RolesAllowed} (method over class; constants resolved from the kit's {@code Roles} and the file's own
 * constants). Read from source rather than by reflection so that the gateway's tests need none of the services
 * on their class path (their extensions would join the gateway's Quarkus boot). Anything it cannot resolve
 * fails loudly rather than being skipped.
 */
final class ServiceEndpoints {

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Pattern STRING_CONSTANT = Pattern.compile(
            "static\\s+final\\s+String\\s+([A-Z0-9_]+)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*;");
    private static final Pattern TYPE_DECLARATION = Pattern.compile("\\b(class|interface|record|enum)\\s+\\w+");

    /** One declared endpoint; {@code roles} empty with {@code anyCaller} for @PermitAll or @Authenticated. */
    record Endpoint(String service, String method, String path, Set<String> roles, boolean anyCaller, String source) {
        @Override
        public String toString() {
            return method + " " + path + " " + (anyCaller ? "(any caller)" : new TreeSet<>(roles)) + " of " + service
                    + " (" + source + ")";
        }
    }

    private ServiceEndpoints() {
    }

    /** Every endpoint of the service whose sources are under {@code moduleDir}/src/main/java. */
    static List<Endpoint> of(String service, Path moduleDir, Map<String, String> sharedConstants) {
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<Path> files = Files.walk(moduleDir.resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                endpoints.addAll(read(service, file, sharedConstants));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return endpoints;
    }

    /** The String constants of a class such as the kit's Roles, by simple name. */
    static Map<String, String> constants(Path javaFile) {
        Map<String, String> constants = new HashMap<>();
        Matcher matcher = STRING_CONSTANT.matcher(withoutComments(readString(javaFile)));
        while (matcher.find()) {
            constants.put(matcher.group(1), matcher.group(2));
        }
        return constants;
    }

    private static List<Endpoint> read(String service, Path file, Map<String, String> sharedConstants) {
        String source = withoutComments(readString(file));
        if (!source.contains("@Path")) {
            return List.of();
        }
        Map<String, String> constants = new HashMap<>(sharedConstants);
        constants.putAll(constants(file));
        List<Endpoint> endpoints = new ArrayList<>();
        Map<String, String> pending = new HashMap<>();
        Map<String, String> resource = null;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"') {
                i = endOfString(source, i);
            } else if (c == '\'') {
                i = source.indexOf('\'', i + (source.charAt(i + 1) == '\\' ? 3 : 2)) + 1;
            } else if (c == '@' && i + 1 < source.length() && Character.isJavaIdentifierStart(source.charAt(i + 1))) {
                int nameEnd = i + 1;
                while (nameEnd < source.length() && (Character.isJavaIdentifierPart(source.charAt(nameEnd))
                        || source.charAt(nameEnd) == '.')) {
                    nameEnd++;
                }
                String name = source.substring(i + 1, nameEnd);
                name = name.substring(name.lastIndexOf('.') + 1);
                int next = skipSpaces(source, nameEnd);
                String arguments = "";
                if (next < source.length() && source.charAt(next) == '(') {
                    int close = closingParenthesis(source, next);
                    arguments = source.substring(next + 1, close).trim();
                    next = close + 1;
                }
                if (!name.equals("interface")) {
                    pending.put(name, arguments);
                }
                i = next;
            } else if (!pending.isEmpty() && !Character.isWhitespace(c)) {
                int end = endOfDeclarationHead(source, i);
                String head = source.substring(i, end);
                if (TYPE_DECLARATION.matcher(head).find()) {
                    if (pending.containsKey("Path") && resource == null) {
                        resource = Map.copyOf(pending);
                    }
                } else if (resource != null && head.contains("(")) {
                    String method = pending.keySet().stream().filter(HTTP_METHODS::contains).findFirst().orElse(null);
                    if (method != null) {
                        endpoints.add(endpoint(service, file, method, resource, pending, constants));
                    }
                }
                pending.clear();
                i = end;
            } else {
                i++;
            }
        }
        return endpoints;
    }

    private static Endpoint endpoint(String service, Path file, String method, Map<String, String> resource,
            Map<String, String> annotations, Map<String, String> constants) {
        String where = file.getFileName().toString();
        String path = join(literal(resource.get("Path"), where), annotations.containsKey("Path")
                ? literal(annotations.get("Path"), where) : "");
        Map<String, String> security = annotations.containsKey("RolesAllowed") || annotations.containsKey("PermitAll")
                || annotations.containsKey("Authenticated") || annotations.containsKey("DenyAll") ? annotations
                        : resource;
        boolean anyCaller = security.containsKey("PermitAll") || security.containsKey("Authenticated");
        Set<String> roles = new LinkedHashSet<>();
        if (security.containsKey("RolesAllowed")) {
            String list = security.get("RolesAllowed").replaceFirst("^value\\s*=\\s*", "").replaceAll("[{}]", "");
            for (String item : list.split(",")) {
                String role = item.trim();
                if (role.isEmpty()) {
                    continue;
                }
                if (role.startsWith("\"")) {
                    roles.add(role.substring(1, role.length() - 1));
                } else {
                    String constant = role.substring(role.lastIndexOf('.') + 1);
                    if (!constants.containsKey(constant)) {
                        throw new IllegalStateException("Role " + role + " of " + method + " " + path + " in " + where
                                + " is neither a string nor a known constant");
                    }
                    roles.add(constants.get(constant));
                }
            }
        }
        return new Endpoint(service, method, path, Set.copyOf(roles), anyCaller, where);
    }

    /** {@code /api/lines/{lineId: [A-Z]+}} and {@code /x} → {@code /api/lines/{lineId}/x}. */
    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    }

    private static String literal(String argument, String where) {
        String value = argument.replaceFirst("^value\\s*=\\s*", "").trim();
        if (!value.startsWith("\"") || !value.endsWith("\"")) {
            throw new IllegalStateException("@Path(" + argument + ") in " + where + " is no plain string");
        }
        return value.substring(1, value.length() - 1);
    }

    private static int endOfDeclarationHead(String source, int from) {
        int depth = 0;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                i = endOfString(source, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && (c == '{' || c == ';' || c == '=')) {
                return i + 1;
            }
        }
        return source.length();
    }

    private static int closingParenthesis(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                i = endOfString(source, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("Unbalanced annotation arguments");
    }

    /** The index after the string literal (or text block) starting at {@code start}. */
    private static int endOfString(String source, int start) {
        if (source.startsWith("\"\"\"", start)) {
            int end = source.indexOf("\"\"\"", start + 3);
            return end < 0 ? source.length() : end + 3;
        }
        for (int i = start + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return source.length();
    }

    private static int skipSpaces(String source, int from) {
        int i = from;
        while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The source with comments blanked out (string literals kept), so that commented-out code does not count. */
    private static String withoutComments(String source) {
        StringBuilder result = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"') {
                int end = endOfString(source, i);
                result.append(source, i, end);
                i = end;
            } else if (c == '\'') {
                int end = source.indexOf('\'', i + (source.charAt(i + 1) == '\\' ? 3 : 2));
                result.append(source, i, end + 1);
                i = end + 1;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                result.append(' ');
            } else {
                result.append(c);
                i++;
            }
        }
        return result.toString();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
