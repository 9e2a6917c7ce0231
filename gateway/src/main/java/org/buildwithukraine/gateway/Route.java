package org.buildwithukraine.gateway;

import java.util.Set;

/**
 * One row of the route table: requests with this method (or any, {@code *}) and path go to the target if the
 * caller holds one of the roles. An empty role set admits any valid token. {@code transfer} says how bodies pass.
 */
public record Route(String id, String method, PathPattern path, Target target, Set<String> roles,
        Transfer transfer) {

    public static final String ANY_METHOD = "*";

    /** How a route's request body and answer pass the gateway. */
    public enum Transfer {
        /**
         * The request body is read whole (up to {@code max-body-size}) before it is forwarded, within the body
         * read timeout; the backend answers within its timeout.
         */
        BUFFERED,
        /**
         * The request body is piped to the backend as it arrives (up to {@code max-upload-size}), never held; the
         * caller and the backend may each pause for the stream idle timeout, however long the whole takes.
         */
        STREAMED_REQUEST,
        /**
         * A small request; the answer (a file) may take long: the backend may pause for the stream idle timeout
         * instead of its answer timeout.
         */
        STREAMED_ANSWER;

        public boolean streamsRequestBody() {
            return this == STREAMED_REQUEST;
        }

        public boolean streams() {
            return this != BUFFERED;
        }
    }

    /** This row with its bodies passed as {@code how}. */
    public Route transferring(Transfer how) {
        return new Route(id, method, path, target, roles, how);
    }

    /** The index of the line id segment for {@link Target.Kind#LINE_REGION} routes. */
    public int lineIdSegment() {
        return path.indexOf("lineId");
    }

    /** The index of the region code segment for {@link Target.Kind#REGION} routes. */
    public int regionSegment() {
        return path.indexOf("region");
    }

    public boolean admitsMethod(String requestMethod) {
        return method.equals(ANY_METHOD) || method.equals(requestMethod);
    }

    public boolean admits(Set<String> callerRoles) {
        if (roles.isEmpty()) {
            return true;
        }
        for (String role : roles) {
            if (callerRoles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
