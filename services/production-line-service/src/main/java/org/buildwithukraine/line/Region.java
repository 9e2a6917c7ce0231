package org.buildwithukraine.line;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The region this instance owns: its lines are exactly those whose id starts with {@link #lineIdPrefix()}.
 */
public record Region(String code, String lineIdPrefix, ZoneId zone) {

    public Region {
        if (code == null || !code.matches("[a-z]{2,8}")) {
            throw new IllegalArgumentException("Region code must be 2 to 8 lower-case letters, e.g. de: " + code);
        }
        if (lineIdPrefix == null || !lineIdPrefix.matches("[A-Z0-9]+-")) {
            throw new IllegalArgumentException("Line id prefix must be upper-case letters and a dash, e.g. DE-: "
                    + lineIdPrefix);
        }
    }

    /** The region as configured; the line id prefix is by default the upper-cased code and a dash. */
    public static Region of(String code, String zone, Optional<String> lineIdPrefix) {
        String trimmed = code.trim();
        try {
            return new Region(trimmed, lineIdPrefix.orElse(trimmed.toUpperCase(Locale.ROOT) + "-"), ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Region zone is not a time zone id: " + zone, e);
        }
    }

    public boolean owns(String lineId) {
        return lineId != null && lineId.startsWith(lineIdPrefix);
    }

    /** The region a line id names by its prefix, for telling a caller where it belongs. */
    public static String regionNamedBy(String lineId) {
        int dash = lineId == null ? -1 : lineId.indexOf('-');
        return dash > 0 ? lineId.substring(0, dash).toLowerCase(Locale.ROOT) : "unknown";
    }
}
