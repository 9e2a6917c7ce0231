package org.buildwithukraine.kit.json;

import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** The unknown fields of one object: the exception's path leads to that object, the names are relative to it. */
public class UnknownFieldsException extends UnrecognizedPropertyException {

    private final List<String> names;

    UnknownFieldsException(JsonParser parser, Object beanOrClass, List<String> names, Collection<Object> known) {
        super(parser, "Unknown fields " + names, parser.currentLocation(),
                beanOrClass instanceof Class<?> type ? type : beanOrClass.getClass(), names.get(0), known);
        this.names = List.copyOf(names);
    }

    public List<String> names() {
        return names;
    }
}
