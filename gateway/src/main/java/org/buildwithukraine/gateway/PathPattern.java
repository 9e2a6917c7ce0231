package org.buildwithukraine.gateway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A path template of the route table: literal segments, {@code {name}} for exactly one segment, {@code a|b}
 * for one of some literals, and a final {@code **} for any rest (including none). Templates are matched
 * against already split request paths so that a request splits its path once for the whole table.
 */
public final class PathPattern {

    private static final String REST = "**";

    private final String template;
    private final Object[] segments;
    private final boolean open;
    private final List<String> variables;

    private PathPattern(String template, Object[] segments, boolean open, List<String> variables) {
        this.template = template;
        this.segments = segments;
        this.open = open;
        this.variables = variables;
    }

    public static PathPattern of(String template) {
        String[] parts = split(template);
        boolean open = parts.length > 0 && parts[parts.length - 1].equals(REST);
        int fixed = open ? parts.length - 1 : parts.length;
        Object[] segments = new Object[fixed];
        List<String> variables = new ArrayList<>();
        for (int i = 0; i < fixed; i++) {
            String part = parts[i];
            if (part.equals(REST)) {
                throw new IllegalArgumentException("** may only end a template: " + template);
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                segments[i] = Variable.INSTANCE;
                variables.add(part.substring(1, part.length() - 1));
            } else if (part.contains("|")) {
                segments[i] = Set.of(part.split("\\|"));
                variables.add(null);
            } else {
                segments[i] = part;
                variables.add(null);
            }
        }
        return new PathPattern(template, segments, open, variables);
    }

    /** "/api/lines/DE-1/" → ["api", "lines", "DE-1"]: empty segments (leading, doubled, trailing) do not count. */
    public static String[] split(String path) {
        if (path.indexOf("//") < 0 && path.startsWith("/") && !path.endsWith("/")) {
            return path.substring(1).split("/");
        }
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    public boolean matches(String[] path) {
        if (path.length < segments.length || (!open && path.length != segments.length)) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            Object segment = segments[i];
            if (segment == Variable.INSTANCE) {
                continue;
            }
            if (segment instanceof String literal ? !literal.equals(path[i]) : !((Set<?>) segment).contains(path[i])) {
                return false;
            }
        }
        return true;
    }

    /** Position of the named variable in a matching path, or -1. */
    public int indexOf(String variable) {
        return variables.indexOf(variable);
    }

    /** Whether an OpenAPI path template ({@code /api/lines/{id}/oee}) is served by this pattern. */
    public boolean covers(String openApiPath) {
        String[] parts = split(openApiPath);
        if (parts.length < segments.length || (!open && parts.length != segments.length)) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            boolean documentedVariable = parts[i].startsWith("{") && parts[i].endsWith("}");
            if (segments[i] == Variable.INSTANCE) {
                continue;
            }
            if (documentedVariable) {
                return false;
            }
            if (segments[i] instanceof String literal ? !literal.equals(parts[i])
                    : !((Set<?>) segments[i]).contains(parts[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return template;
    }

    private enum Variable {
        INSTANCE
    }
}
