package org.buildwithukraine.e2e.chaos;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One request of the load and what came of it. A request is built once and may be sent again unchanged (same
 * {@code reportId}, same {@code Idempotency-Key}, same body), as a client retries what got no 2xx.
 *
 * @param stream    the load's stream it belongs to ("reports de", "orders", ...): recovery is judged per stream
 * @param key       what identifies it in the platform: the reportId, the order's Idempotency-Key, the amendment
 * @param goodUnits the good units a status report declares (0 for any other request)
 */
record Exchange(Kind kind, String stream, String key, String method, String path, String body, Supplier<String> token,
        long goodUnits) {

    enum Kind {
        STATUS_REPORT, ORDER, AMENDMENT
    }

    /**
     * What the client saw: an HTTP status, or none at all ({@link #NO_ANSWER}: the connection was refused or broken;
     * {@link #TIMED_OUT}: nothing within the client's timeout; {@link #NO_TOKEN}: Keycloak gave the caller no token).
     *
     * @param retryAfter its {@code Retry-After} header, null if it had none
     * @param sentAt     System.nanoTime() when it was sent
     * @param entityId   the id of what a 2xx created or changed ({@code id} of its JSON body), if any
     */
    record Answer(int status, String contentType, String retryAfter, String detail, long sentAt, long millis,
            Optional<String> entityId) {

        static final int NO_ANSWER = -1;
        static final int TIMED_OUT = -2;
        static final int NO_TOKEN = -3;

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        String describe() {
            return switch (status) {
                case NO_ANSWER -> "no answer";
                case TIMED_OUT -> "timed out";
                case NO_TOKEN -> "no token";
                default -> String.valueOf(status);
            };
        }
    }

    /** A request of the load as sent, with its answer. */
    record Sent(Exchange exchange, Answer answer) {
    }
}
