package org.buildwithukraine.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.buildwithukraine.e2e.fuzz.ApiDescription.Operation;

/**
 * One generated request: for an operation, as a caller (a role's user or client, or "none"), of a kind, with its
 * path (parameters filled in and encoded), query, headers and body bytes (null: no body).
 */
public record FuzzCase(Operation operation, String caller, Kind kind, String path, String query,
        Map<String, String> headers, String contentType, byte[] body) {

    /** What a request tries; the ones that must be refused change nothing and are checked so. */
    public enum Kind {
        VALID(false), BOUNDARY(false), ANONYMOUS(true), BAD_PARAMETER(true), WRONG_TYPE(true), MISSING_REQUIRED(true),
        UNKNOWN_FIELD(true), BROKEN_JSON(true), WRONG_CONTENT_TYPE(true), NO_BODY(true);

        private final boolean mustBeRefused;

        Kind(boolean mustBeRefused) {
            this.mustBeRefused = mustBeRefused;
        }

        public boolean mustBeRefused() {
            return mustBeRefused;
        }
    }

    public String target() {
        return path + (query.isEmpty() ? "" : "?" + query);
    }

    /** How to send it again by hand. */
    public String describe() {
        String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (shown.length() > 300) {
            shown = shown.substring(0, 300) + "…(" + body.length + " bytes)";
        }
        return kind + " as " + caller + ": " + operation.method() + " " + target() + (headers.isEmpty() ? ""
                : " headers " + headers) + (body == null ? "" : " [" + contentType + "] " + shown);
    }
}
