package org.buildwithukraine.kit.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Names every unknown field of the object in which the first one appears, not only the first, so that a client
 * fixes its request in one go. Where unknown fields are tolerated (events, read by newer and older services
 * alike) it leaves them to Jackson, which skips them.
 */
class UnknownFields extends DeserializationProblemHandler {

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
            JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
        if (!context.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)) {
            return false;
        }
        Collection<Object> known = deserializer == null ? null : deserializer.getKnownPropertyNames();
        List<String> unknown = new ArrayList<>(List.of(propertyName));
        // the parser is at the unknown field's value; the fields before it were all known
        parser.skipChildren();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            parser.skipChildren();
            if (known != null && !known.contains(name)) {
                unknown.add(name);
            }
        }
        throw new UnknownFieldsException(parser, beanOrClass, unknown, known);
    }
}
