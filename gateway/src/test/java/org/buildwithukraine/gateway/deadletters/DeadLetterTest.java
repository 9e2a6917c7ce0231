package org.buildwithukraine.gateway.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a dead letter shows and what of it is re-driven. */
class DeadLetterTest {

    private static final String ENVELOPE = "{\"eventId\":\"7f0c1d5e-0000-4000-8000-000000000001\","
            + "\"type\":\"OutputReported\",\"aggregateId\":\"DE-MUC-01\",\"schemaVersion\":9,\"payload\":{}}";

    @Test
    void theDeadLetterQueuesHeadersComeFirstAndOnlyTheOriginalOnesAreRedriven() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, DeadLetter.EXCEPTION_CLASS, "org.buildwithukraine.kit.inbox.InboundEvents$UnreadableEventException");
        add(headers, DeadLetter.REASON, "Not an event envelope: Unrecognized token 'not'");
        add(headers, DeadLetter.ORIGINAL_TOPIC, "line.output");
        add(headers, DeadLetter.ORIGINAL_PARTITION, "2");
        add(headers, DeadLetter.ORIGINAL_OFFSET, "41");
        add(headers, DeadLetter.CHANNEL, "lineoutput");
        add(headers, DeadLetter.GROUP, "licence-service.line-output");
        add(headers, "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        add(headers, DeadLetter.EVENT_ID, "event-1");
        // the original record claimed a reason of its own: the dead-letter queue's, written first, is the one
        add(headers, DeadLetter.REASON, "forged");

        DeadLetter deadLetter = DeadLetter.of(record("line.output.dlq", headers, "not an event"));

        assertThat(deadLetter.header(DeadLetter.REASON)).isEqualTo("Not an event envelope: Unrecognized token 'not'");
        assertThat(deadLetter.eventId()).isEqualTo("event-1");
        assertThat(deadLetter.eventType()).isNull();
        assertThat(deadLetter.originalTopic()).isEqualTo("line.output");
        assertThat(names(deadLetter.redriveHeaders())).containsExactly("traceparent", DeadLetter.EVENT_ID);
        assertThat(deadLetter.toJson().getLong("originalOffset")).isEqualTo(41);
        assertThat(deadLetter.toJson().getString("group")).isEqualTo("licence-service.line-output");
        assertThat(deadLetter.toJson().getString("value")).isEqualTo("not an event");
    }

    @Test
    void anEnvelopeWithoutEventHeadersNamesItsEventItself() {
        DeadLetter deadLetter = DeadLetter.of(record("order.allocations.dlq", new RecordHeaders(), ENVELOPE));

        assertThat(deadLetter.eventId()).isEqualTo("7f0c1d5e-0000-4000-8000-000000000001");
        assertThat(deadLetter.eventType()).isEqualTo("OutputReported");
        assertThat(deadLetter.redriveHeaders().toArray()).isEmpty();
    }

    @Test
    void aLongValueIsShownCutButRedrivenWhole() {
        String value = "x".repeat(DeadLetter.MAX_SHOWN_VALUE_CHARS + 10);
        DeadLetter deadLetter = DeadLetter.of(record("line.status.dlq", new RecordHeaders(), value));

        assertThat(deadLetter.toJson().getString("value")).hasSize(DeadLetter.MAX_SHOWN_VALUE_CHARS);
        assertThat(deadLetter.toJson().getBoolean("valueTruncated")).isTrue();
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo(value);
    }

    @Test
    void aDeadLetterTopicIsNamedAfterItsTopic() {
        assertThat(DeadLetterTopics.originalOf("factory.events.dlq")).isEqualTo("factory.events");
        assertThat(DeadLetterTopics.isDeadLetterTopic("factory.events")).isFalse();
        assertThat(DeadLetterTopics.isDeadLetterTopic(".dlq")).isFalse();
        assertThat(DeadLetterTopics.isLegalName("line.output.dlq")).isTrue();
        assertThat(DeadLetterTopics.isLegalName("line output")).isFalse();
        assertThat(DeadLetterTopics.isLegalName("..")).isFalse();
        assertThat(DeadLetterTopics.isLegalName("a".repeat(250))).isFalse();
    }

    @Test
    void coordinatesKeyTheirAuditRecord() {
        assertThat(Coordinates.parse("line.output.dlq", "0", "42").key()).isEqualTo("line.output.dlq/0/42");
    }

    @ParameterizedTest
    @CsvSource({ "line.output.dlq, x, 1, partition", "line.output.dlq, 0, -1, offset",
            "line.output.dlq, 2147483648, 1, partition", "line output.dlq, 0, 1, topic",
            "line.output.dlq, 0, 99999999999999999999, offset" })
    void badCoordinatesAreRefusedNamingTheField(String topic, String partition, String offset, String field) {
        assertThatThrownBy(() -> Coordinates.parse(topic, partition, offset))
                .isInstanceOfSatisfying(DeadLetterProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.errors()).extracting(DeadLetterProblem.FieldError::field).containsExactly(field);
                });
    }

    @Test
    void aRecordOfAnyOtherTopicIsNoDeadLetter() {
        assertThatThrownBy(() -> Coordinates.parse("line.output", "0", "1"))
                .isInstanceOfSatisfying(DeadLetterProblem.class, problem -> assertThat(problem.status()).isEqualTo(409));
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, RecordHeaders headers, String value) {
        return new ConsumerRecord<>(topic, 0, 5, 1_700_000_000_000L, TimestampType.CREATE_TIME, -1, -1,
                "DE-MUC-01".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8), headers,
                Optional.empty());
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> names(Iterable<Header> headers) {
        List<String> names = new ArrayList<>();
        headers.forEach(header -> names.add(header.key()));
        return names;
    }
}
