package org.buildwithukraine.gateway;

import java.util.Locale;

/**
 * Request paths the gateway refuses before it routes them. The gateway matches routes and roles on the path as
 * it reads it; a backend's framework may read the same bytes differently (a matrix parameter dropped, an
 * encoded slash decoded into a separator, a backslash taken for a slash, a dot segment resolved), and then a
 * request checked as one route would be served as another. So such paths are never passed on.
 */
public final class PathRules {

    private PathRules() {
    }

    /** Why the raw (undecoded) request path is refused, or null when it may be routed. */
    public static String violation(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return "The path must start with /";
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == ';') {
                return "Matrix parameters (;) are not accepted in a path";
            }
            if (c == '\\') {
                return "Backslashes are not accepted in a path";
            }
            if (c < 0x20 || c == 0x7f) {
                return "Control characters are not accepted in a path";
            }
            if (c == '%') {
                String escaped = i + 2 < rawPath.length() ? rawPath.substring(i + 1, i + 3).toUpperCase(Locale.ROOT)
                        : "";
                switch (escaped) {
                    case "2F" -> {
                        return "Encoded slashes (%2F) are not accepted in a path";
                    }
                    case "5C" -> {
                        return "Encoded backslashes (%5C) are not accepted in a path";
                    }
                    case "3B" -> {
                        return "Encoded semicolons (%3B) are not accepted in a path";
                    }
                    case "25" -> {
                        return "Encoded percent signs (%25) are not accepted in a path";
                    }
                    default -> {
                        if (!isHex(escaped)) {
                            return "Broken percent escapes are not accepted in a path";
                        }
                        if (escaped.charAt(0) < '2' || escaped.equals("7F")) {
                            return "Control characters are not accepted in a path";
                        }
                    }
                }
            }
        }
        for (String segment : rawPath.split("/", -1)) {
            String decodedDots = segment.replace("%2e", ".").replace("%2E", ".");
            if (decodedDots.equals(".") || decodedDots.equals("..")) {
                return "Dot segments (. and ..) are not accepted in a path";
            }
        }
        return null;
    }

    private static boolean isHex(String twoCharacters) {
        return twoCharacters.length() == 2 && Character.digit(twoCharacters.charAt(0), 16) >= 0
                && Character.digit(twoCharacters.charAt(1), 16) >= 0;
    }
}
