package org.buildwithukraine.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON value of the right type that a service still cannot take; {@link #reason()} is fit for the client. */
public class InvalidValueException extends InvalidFormatException {

    private final String reason;

    InvalidValueException(JsonParser parser, String reason, Object value, Class<?> targetType) {
        super(parser, reason, value, targetType);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
