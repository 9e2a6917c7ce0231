package org.buildwithukraine.gateway.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * One record of a dead-letter topic as the operator sees it. SmallRye's dead-letter queue writes the record's key
 * and value unchanged, first its own {@code dead-letter-*} headers (why it was refused, where it was read), then
 * the original record's headers ({@code event-id}, {@code event-type} of the outbox relay, a trace context, ...).
 * So the first header of a name is the one the dead-letter queue wrote; the event id and type come from the
 * original headers, else from the value when it is an event envelope.
 */
public record DeadLetter(Coordinates coordinates, Instant parkedAt, byte[] key, byte[] value, Headers headers) {

    /** Headers of the dead-letter queue (and the kit's additions): dropped when the record is re-driven. */
    public static final String DEAD_LETTER_HEADER_PREFIX = "dead-letter-";
    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    public static final String CAUSE_CLASS = "dead-letter-cause-class-name";
    public static final String ORIGINAL_TOPIC = "dead-letter-topic";
    public static final String ORIGINAL_PARTITION = "dead-letter-partition";
    public static final String ORIGINAL_OFFSET = "dead-letter-offset";
    /** Written by the service kit's strategy: the consuming channel and its consumer group. */
    public static final String CHANNEL = "dead-letter-channel";
    public static final String GROUP = "dead-letter-group";
    /** Written by the outbox relay on every event. */
    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";

    /** Of a value, at most this much is shown; the re-drive always sends the whole record. */
    static final int MAX_SHOWN_VALUE_CHARS = 8 * 1024;

    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        Instant parkedAt = record.timestampType() == TimestampType.NO_TIMESTAMP_TYPE ? null
                : Instant.ofEpochMilli(record.timestamp());
        return new DeadLetter(new Coordinates(record.topic(), record.partition(), record.offset()), parkedAt,
                record.key(), record.value(), record.headers());
    }

    public String originalTopic() {
        return DeadLetterTopics.originalOf(coordinates.topic());
    }

    /** The original record's headers: every header but the dead-letter queue's, in their order. */
    public Headers redriveHeaders() {
        RecordHeaders kept = new RecordHeaders();
        for (Header header : headers) {
            if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                kept.add(header);
            }
        }
        return kept;
    }

    public String eventId() {
        String id = header(EVENT_ID);
        return id != null ? id : envelopeField("eventId");
    }

    public String eventType() {
        String type = header(EVENT_TYPE);
        return type != null ? type : envelopeField("type");
    }

    /** The first header of that name as text, or null. */
    public String header(String name) {
        for (Header header : headers.headers(name)) {
            return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
        return null;
    }

    public JsonObject toJson() {
        String shown = text(value);
        boolean truncated = shown != null && shown.length() > MAX_SHOWN_VALUE_CHARS;
        return new JsonObject()
                .put("topic", coordinates.topic())
                .put("partition", coordinates.partition())
                .put("offset", coordinates.offset())
                .put("parkedAt", parkedAt == null ? null : parkedAt.toString())
                .put("key", text(key))
                .put("eventId", eventId())
                .put("eventType", eventType())
                .put("originalTopic", originalTopic())
                .put("originalPartition", number(header(ORIGINAL_PARTITION)))
                .put("originalOffset", number(header(ORIGINAL_OFFSET)))
                .put("reason", header(REASON))
                .put("cause", header(CAUSE))
                .put("exceptionClass", header(EXCEPTION_CLASS))
                .put("causeClass", header(CAUSE_CLASS))
                .put("channel", header(CHANNEL))
                .put("group", header(GROUP))
                .put("value", truncated ? shown.substring(0, MAX_SHOWN_VALUE_CHARS) : shown)
                .put("valueTruncated", truncated);
    }

    private String envelopeField(String field) {
        String text = text(value);
        if (text == null || !text.trim().startsWith("{")) {
            return null;
        }
        try {
            Object found = new JsonObject(text).getValue(field);
            return found instanceof String string ? string : null;
        } catch (DecodeException e) {
            return null;
        }
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
