package org.buildwithukraine.kit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.buildwithukraine.kit.inbox.InboundEvents;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class StrictJsonTest {

    record Terms(LocalDate validTo, Instant observedAt) {
    }

    record Request(String name, Terms terms, List<String> tags) {
    }

    private final ObjectMapper mapper = strictMapper();

    @Test
    void everyUnknownFieldOfTheObjectIsNamed() {
        assertThatThrownBy(() -> read("{\"name\":\"a\",\"foo\":1,\"tags\":[],\"bar\":{\"x\":[1]},\"baz\":null}"))
                .isInstanceOfSatisfying(UnknownFieldsException.class, e -> {
                    assertThat(e.names()).containsExactly("foo", "bar", "baz");
                    assertThat(e.getPath()).isEmpty();
                });
        assertThatThrownBy(() -> read("{\"name\":\"a\",\"terms\":{\"validTo\":\"2030-01-01\",\"extra\":true}}"))
                .isInstanceOfSatisfying(UnknownFieldsException.class, e -> {
                    assertThat(e.names()).containsExactly("extra");
                    assertThat(e.getPath()).extracting(Reference::getFieldName).containsExactly("terms");
                });
    }

    @Test
    void aFieldGivenTwiceIsMalformed() {
        assertThatThrownBy(() -> read("{\"name\":\"a\",\"name\":\"b\"}")).isInstanceOf(JsonParseException.class);
    }

    @Test
    void aNulCharacterInAStringIsRefusedWhereverTheStringIs() {
        assertThatThrownBy(() -> read("{\"name\":\"a\\u0000b\"}")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> read("{\"tags\":[\"ok\",\"a\\u0000\"]}")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void datesAndInstantsOutsideTheYearsOneTo9999AreRefused() throws Exception {
        assertThat(read("{\"terms\":{\"validTo\":\"9999-12-31\",\"observedAt\":\"0001-01-01T00:00:00Z\"}}").terms())
                .isEqualTo(new Terms(LocalDate.of(9999, 12, 31), Instant.parse("0001-01-01T00:00:00Z")));
        assertThatThrownBy(() -> read("{\"terms\":{\"validTo\":\"+999999999-12-31\"}}"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.getPath())
                        .extracting(Reference::getFieldName).containsExactly("terms", "validTo"));
        assertThatThrownBy(() -> read("{\"terms\":{\"observedAt\":\"+10000-01-01T00:00:00Z\"}}"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void eventsMayCarryFieldsTheirReaderDoesNotKnow() {
        InboundEvents events = new InboundEvents(mapper);
        var envelope = events.parse("""
                {"eventId":"5b0e7e9c-3c1e-4c55-9d1e-2a7f9b1d2c3e","type":"Test","aggregateId":"a-1",
                 "occurredAt":"2030-01-01T00:00:00Z","schemaVersion":2,"addedLater":"x",
                 "payload":{"name":"n","addedLater":1}}""");
        assertThat(events.payload(envelope, Request.class).name()).isEqualTo("n");
    }

    private Request read(String json) throws Exception {
        return mapper.readValue(json, Request.class);
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new StrictJson().customize(mapper);
        return mapper;
    }
}
