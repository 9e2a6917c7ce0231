package org.buildwithukraine.gateway;

import java.util.Set;

/**
 * One row of the route table: requests with this method (or any, {@code *}) and path go to the target if the
 * caller holds one of the roles. An empty role set admits any valid token.
 */
public record Route(String id, String method, PathPattern path, Target target, Set<String> roles) {

    public static final String ANY_METHOD = "*";

    /** The index of the line id segment for {@link Target.Kind#LINE_REGION} routes. */
    public int lineIdSegment() {
        return path.indexOf("lineId");
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
