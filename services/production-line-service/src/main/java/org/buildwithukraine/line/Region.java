package org.buildwithukraine.line;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

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

    public static Region of(RegionConfig config) {
        String code = config.code().trim();
        try {
            return new Region(code,
                    config.lineIdPrefix().orElse(code.toUpperCase(Locale.ROOT) + "-"),
                    ZoneId.of(config.zone()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Region zone is not a time zone id: " + config.zone(), e);
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
