package org.buildwithukraine.gateway.deadletters;

import java.util.List;

/**
 * Why a dead-letter request is refused, as the RFC 9457 problem the gateway answers with: 400 (with the offending
 * fields), 404, 409, or 503 with {@code Retry-After} when Kafka cannot be asked now.
 */
public class DeadLetterProblem extends RuntimeException {

    /** Seconds a caller should wait before asking again after a 503. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    DeadLetterProblem(int status, String title, String detail, List<FieldError> errors, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    static DeadLetterProblem badRequest(List<FieldError> errors) {
        return new DeadLetterProblem(400, "Bad request", "The request has invalid fields", errors, null);
    }

    static DeadLetterProblem notFound(String detail) {
        return new DeadLetterProblem(404, "Not found", detail, List.of(), null);
    }

    static DeadLetterProblem conflict(String detail) {
        return new DeadLetterProblem(409, "Conflict", detail, List.of(), null);
    }

    static DeadLetterProblem unavailable(String detail, Throwable cause) {
        return new DeadLetterProblem(503, "Service unavailable", detail, List.of(), cause);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** The offending fields of a 400, else empty. */
    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds for {@code Retry-After}, or 0 when the answer is not worth retrying unchanged. */
    public int retryAfterSeconds() {
        return status == 503 ? RETRY_AFTER_SECONDS : 0;
    }

    public record FieldError(String field, String message) {
    }
}
