package org.buildwithukraine.kit.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.buildwithukraine.kit.problem.ProblemException;

/**
 * Dates and instants a client may send: the years 1 to 9999 of ISO 8601's common range. Further out, java.time
 * still parses them, but PostgreSQL cannot store them and date arithmetic overflows, which would turn a client's
 * typo into a 500.
 */
public final class TimeBounds {

    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;
    public static final String MESSAGE = "must lie between the years " + FIRST_YEAR + " and " + LAST_YEAR;

    private TimeBounds() {
    }

    /** Whether the value is a date or instant within the bounds; anything else is not this class's concern. */
    public static boolean within(Object value) {
        Integer year = year(value);
        return year == null || (year >= FIRST_YEAR && year <= LAST_YEAR);
    }

    /** @throws ProblemException 400 naming {@code field} when the value lies outside the bounds */
    public static <T> T requireWithin(String field, T value) {
        if (!within(value)) {
            throw ProblemException.invalid(field, MESSAGE);
        }
        return value;
    }

    private static Integer year(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC).getYear();
        } else if (value instanceof LocalDate date) {
            return date.getYear();
        } else if (value instanceof LocalDateTime dateTime) {
            return dateTime.getYear();
        } else if (value instanceof OffsetDateTime dateTime) {
            return dateTime.getYear();
        } else if (value instanceof ZonedDateTime dateTime) {
            return dateTime.getYear();
        }
        return null;
    }
}
