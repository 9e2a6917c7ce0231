package org.buildwithukraine.licence.service;

import static org.buildwithukraine.kit.security.Roles.TECHNOLOGY_OFFICER;

import java.util.Set;

import org.buildwithukraine.kit.security.Caller;

/** Whose licences a caller may see: all of them (officers), or those of the factories they act for. */
public record Visibility(Set<String> factories) {

    private static final Visibility ALL = new Visibility(null);

    public static Visibility all() {
        return ALL;
    }

    /** Every licence for a technology officer, else those of the factories the caller's token names. */
    public static Visibility of(Caller caller) {
        return caller.hasRole(TECHNOLOGY_OFFICER) ? all() : ofFactories(caller.factories());
    }

    public static Visibility ofFactories(Set<String> factories) {
        return new Visibility(Set.copyOf(factories));
    }

    public boolean isAll() {
        return factories == null;
    }

    public boolean allows(String factoryId) {
        return factories == null || factories.contains(factoryId);
    }
}
