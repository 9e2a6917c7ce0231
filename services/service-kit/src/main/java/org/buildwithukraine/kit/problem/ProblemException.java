package org.buildwithukraine.kit.problem;

import java.util.List;

import org.buildwithukraine.kit.problem.Problem.FieldError;

/**
 * Thrown by services for a client's mistake or a state conflict; answered as problem+json with its status.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final transient List<FieldError> errors;

    private ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "Invalid request", "The request has invalid fields", errors);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    /** A request body larger than the endpoint takes. */
    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "Content too large", detail, List.of());
    }

    /**
     * The service cannot serve the request right now (answered 503 with {@code Retry-After}); the detail says
     * what the request changed, if anything.
     */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Service unavailable", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
