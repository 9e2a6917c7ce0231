package org.buildwithukraine.line.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.kit.validation.TimeBounds;

/** Shapes of ids and query values the API accepts. */
final class Formats {

    /** Region prefix, then upper-case segments: {@code DE-MUC-01}. */
    static final String LINE_ID = "^[A-Z0-9]{2,8}-[A-Z0-9]+(-[A-Z0-9]+)*$";
    static final String LINE_ID_MESSAGE = "must be upper-case letters, digits and dashes, starting with the region"
            + ", e.g. DE-MUC-01";
    static final String FACTORY_ID = "^[a-z0-9][a-z0-9-]{2,39}$";
    static final String FACTORY_ID_MESSAGE = "must be a factory id, e.g. de-munich";
    static final String TECHNOLOGY_CODE = "^[A-Z0-9][A-Z0-9-]{1,39}$";
    static final String TECHNOLOGY_CODE_MESSAGE = "must be a technology code, e.g. UA-FPV-7";
    /** Chosen by the reporter (an MES may use its own ids); unique per line. */
    static final String REPORT_ID = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$";
    static final String REPORT_ID_MESSAGE = "must be 1 to 100 letters, digits, dots, dashes, colons or underscores";

    private Formats() {
    }

    static Instant instant(String field, String value) {
        try {
            return value == null ? null : TimeBounds.requireWithin(field, Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 instant, e.g. 2025-03-10T06:00:00Z");
        }
    }

    static LocalDate date(String field, String value) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required, e.g. 2025-03-10");
        }
        try {
            return TimeBounds.requireWithin(field, LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date, e.g. 2025-03-10");
        }
    }
}
