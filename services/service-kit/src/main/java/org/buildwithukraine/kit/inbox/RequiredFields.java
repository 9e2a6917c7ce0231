package org.buildwithukraine.kit.inbox;

import java.util.ArrayList;
import java.util.List;

/** Collects the names of the fields a snapshot lacks: {@code RequiredFields.of().field("kind", s.kind()).missing()}. */
public final class RequiredFields {

    private final List<String> missing = new ArrayList<>();

    private RequiredFields() {
    }

    public static RequiredFields of() {
        return new RequiredFields();
    }

    public RequiredFields field(String name, Object value) {
        if (value == null) {
            missing.add(name);
        }
        return this;
    }

    public List<String> missing() {
        return List.copyOf(missing);
    }
}
