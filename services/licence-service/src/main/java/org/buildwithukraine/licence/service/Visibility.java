package org.buildwithukraine.licence.service;

import java.util.Set;

/** Whose licences a caller may see: all of them (officers), or those of the factories they act for. */
public record Visibility(Set<String> factories) {

    private static final Visibility ALL = new Visibility(null);

    public static Visibility all() {
        return ALL;
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
