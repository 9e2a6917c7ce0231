package org.buildwithukraine.licence.techdata;

import java.util.Set;

/** Who asks for technical data: their realm roles and the factories their token says they act for. */
public record Requester(Set<String> roles, Set<String> factories) {

    public Requester {
        roles = Set.copyOf(roles);
        factories = Set.copyOf(factories);
    }
}
