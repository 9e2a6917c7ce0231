package org.buildwithukraine.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property names a {@code @ConfigMapping} interface reads, from its source: each method is a property
 * (kebab case, or its {@code @WithName}); a method returning an interface of the same file is a group of
 * properties; a {@code Map<String, X>} has a key segment of any name. Names come back as patterns in which
 * {@code *} stands for one map key.
 */
final class ConfigMappings {

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("interface\\s+(\\w+)(?:\\s+extends\\s+([\\w\\s,]+))?\\s*\\{");
    private static final Pattern METHOD = Pattern.compile(
            "((?:@\\w+(?:\\([^)]*\\))?\\s*)*)([\\w.]+(?:<[^;(){}]*>)?)\\s+(\\w+)\\(\\s*\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\\s*\"([^\"]+)\"\\s*\\)");

    private record Member(String type, String name) {
    }

    private ConfigMappings() {
    }

    static List<String> propertyPatterns(String source) {
        Matcher mapping = MAPPING.matcher(source);
        if (!mapping.find()) {
            return List.of();
        }
        Map<String, List<Member>> interfaces = new HashMap<>();
        Map<String, List<String>> parents = new HashMap<>();
        Matcher declaration = INTERFACE.matcher(source);
        String root = null;
        while (declaration.find()) {
            String name = declaration.group(1);
            root = root == null ? name : root;
            int bodyStart = declaration.end();
            int depth = 1;
            StringBuilder own = new StringBuilder();
            for (int i = bodyStart; i < source.length() && depth > 0; i++) {
                char ch = source.charAt(i);
                depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
                // only the interface's own members: nested bodies are blanked out
                own.append(depth == 1 || (depth == 2 && ch == '{') ? ch : ' ');
            }
            List<Member> members = new ArrayList<>();
            Matcher method = METHOD.matcher(withoutComments(own.toString()));
            while (method.find()) {
                Matcher withName = WITH_NAME.matcher(method.group(1));
                String property = withName.find() ? withName.group(1) : kebab(method.group(3));
                members.add(new Member(method.group(2).replaceAll("\\s", ""), property));
            }
            interfaces.put(name, members);
            parents.put(name, declaration.group(2) == null ? List.of()
                    : List.of(declaration.group(2).trim().split("\\s*,\\s*")));
        }
        List<String> patterns = new ArrayList<>();
        collect(root, mapping.group(1), interfaces, parents, patterns, 0);
        return patterns;
    }

    private static void collect(String type, String prefix, Map<String, List<Member>> interfaces,
            Map<String, List<String>> parents, List<String> patterns, int depth) {
        if (depth > 10) {
            return;
        }
        List<Member> members = new ArrayList<>(interfaces.getOrDefault(type, List.of()));
        parents.getOrDefault(type, List.of()).forEach(p -> members.addAll(interfaces.getOrDefault(p, List.of())));
        for (Member member : members) {
            String key = prefix + "." + member.name();
            String valueType = member.type().replaceFirst("^(Optional|List|Set)<(.*)>$", "$2");
            if (valueType.startsWith("Map<")) {
                String element = valueType.substring(valueType.indexOf(',') + 1, valueType.length() - 1);
                if (interfaces.containsKey(element)) {
                    collect(element, key + ".*", interfaces, parents, patterns, depth + 1);
                } else {
                    patterns.add(key + ".*");
                }
            } else if (interfaces.containsKey(valueType)) {
                collect(valueType, key, interfaces, parents, patterns, depth + 1);
            } else {
                patterns.add(key);
            }
        }
    }

    /** An environment variable name pattern for a property pattern ({@code *} is one map key). */
    static Pattern envPattern(String propertyPattern) {
        StringBuilder regex = new StringBuilder();
        String[] parts = propertyPattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(Pattern.quote(AppConfig.envName(parts[i])));
            if (i < parts.length - 1) {
                regex.append("[A-Z0-9_]+");
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }

    private static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
