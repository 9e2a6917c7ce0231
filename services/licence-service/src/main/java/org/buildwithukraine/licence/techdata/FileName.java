package org.buildwithukraine.licence.techdata;

import java.util.regex.Pattern;

/**
 * What a file of a release may be called: 1 to 200 letters, digits, dots, dashes and underscores, not starting
 * with a dot. Such a name is the same in a URL path, a download's {@code Content-Disposition} and any file
 * system, and names no hidden file and no directory.
 */
public final class FileName {

    public static final String RULE = "1 to 200 characters of A-Z, a-z, 0-9, '.', '_' and '-', not starting with '.'";

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

    private FileName() {
    }

    public static boolean isValid(String name) {
        return name != null && ALLOWED.matcher(name).matches();
    }
}
