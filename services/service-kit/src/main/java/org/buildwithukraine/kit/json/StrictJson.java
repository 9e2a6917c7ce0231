package org.buildwithukraine.kit.json;

import java.io.IOException;

import jakarta.inject.Singleton;

import org.buildwithukraine.kit.validation.TimeBounds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * What JSON a service reads, beyond its types: one JSON value and nothing after it (a body with a stray
 * closing brace is not the body the client meant to send), no field the type does not declare (all of them named,
 * see {@link UnknownFields}), no field twice, no NUL character in a string (PostgreSQL cannot store one), no date
 * outside {@link TimeBounds}. Each is answered 400 naming the field instead of being ignored or failing later.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.addHandler(new UnknownFields());
        mapper.registerModule(new SimpleModule("bwu-strict-json")
                .addDeserializer(String.class, new NoNulString())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config,
                            BeanDescription description, JsonDeserializer<?> deserializer) {
                        return description.getBeanClass().getPackageName().equals("java.time")
                                ? new BoundedTime(deserializer) : deserializer;
                    }
                }));
    }

    private static final class NoNulString extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new InvalidValueException(parser, "must not contain NUL characters", value, String.class);
            }
            return value;
        }
    }

    private static final class BoundedTime extends DelegatingDeserializer {
        BoundedTime(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new BoundedTime(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (!TimeBounds.within(value)) {
                throw new InvalidValueException(parser, TimeBounds.MESSAGE, value, handledType());
            }
            return value;
        }
    }
}
