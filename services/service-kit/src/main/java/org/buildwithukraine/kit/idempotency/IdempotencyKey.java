package org.buildwithukraine.kit.idempotency;

import java.util.Optional;
import java.util.regex.Pattern;

import org.buildwithukraine.kit.problem.ProblemException;

/**
 * A client's key for one creating request, as read from the {@value #HEADER} header: 1 to {@value #MAX_LENGTH}
 * visible ASCII characters (a UUID, say). Anything else is answered 400 naming the header, before anything runs.
 *
 * @param name  what the client calls the key: the header, or the body field that serves as the key
 * @param value the key itself
 */
public record IdempotencyKey(String name, String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;

    /** The OpenAPI description of the header where it is required. */
    public static final String REQUIRED_DOC = "Unique per request and reused on its retries (required): the same "
            + "key and body answer the first response again, the same key with another body is a conflict";
    /** The OpenAPI description of the header where it is optional. */
    public static final String OPTIONAL_DOC = "Makes the request safe to retry: the same key and body answer the "
            + "first response again, the same key with another body is a conflict; without a key the request runs "
            + "each time it is sent";

    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");
    private static final String RULE = "must be 1 to " + MAX_LENGTH + " visible ASCII characters, unique per "
            + "request and reused on its retries";

    /** The header's key; 400 when it is absent or malformed. */
    public static IdempotencyKey required(String header) {
        if (header == null) {
            throw ProblemException.invalid(HEADER, "is required: a unique value per request, reused on retries");
        }
        return of(HEADER, header);
    }

    /** The header's key if one was sent; 400 when it is malformed. */
    public static Optional<IdempotencyKey> optional(String header) {
        return header == null ? Optional.empty() : Optional.of(of(HEADER, header));
    }

    /**
     * The key of a request whose body names it, such as a status report's {@code reportId}: the body's field is the
     * key; a client that sends the header as well must send the same value (400 naming the header otherwise).
     */
    public static IdempotencyKey inBody(String header, String field, String value) {
        optional(header).filter(sent -> !sent.value().equals(value)).ifPresent(sent -> {
            throw ProblemException.invalid(HEADER, "must equal " + field + ", which is this request's key");
        });
        return of(field, value);
    }

    /** A key the client sends under another name, such as a body field that names what it creates. */
    public static IdempotencyKey of(String name, String value) {
        if (value == null || value.length() > MAX_LENGTH || !VISIBLE_ASCII.matcher(value).matches()) {
            throw ProblemException.invalid(name, RULE);
        }
        return new IdempotencyKey(name, value);
    }

    /** The answer to this key sent again with another request: 409, naming the key; nothing is changed. */
    public ProblemException reusedForAnotherRequest() {
        return ProblemException.conflict(name + " " + value + " was already used for a different request; use a new key");
    }
}
