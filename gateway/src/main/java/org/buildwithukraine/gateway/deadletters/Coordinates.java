package org.buildwithukraine.gateway.deadletters;

import java.util.ArrayList;
import java.util.List;

import org.buildwithukraine.gateway.deadletters.DeadLetterProblem.FieldError;

/**
 * Where a dead letter is: its dead-letter topic, partition and offset. A record's coordinates never change, so
 * they are what makes a re-drive idempotent: {@link #key()} keys its audit record.
 */
public record Coordinates(String topic, int partition, long offset) {

    /**
     * The coordinates of a request's path segments. Fails with a 400 naming each field that is no legal topic
     * name or no non-negative number, and with a 409 for a topic that is no dead-letter topic.
     */
    public static Coordinates parse(String topic, String partition, String offset) {
        List<FieldError> errors = new ArrayList<>();
        if (!DeadLetterTopics.isLegalName(topic)) {
            errors.add(new FieldError("topic", "must be a Kafka topic name (letters, digits, '.', '_', '-')"));
        }
        int partitionNumber = (int) nonNegative(partition, "partition", Integer.MAX_VALUE, errors);
        long offsetNumber = nonNegative(offset, "offset", Long.MAX_VALUE, errors);
        if (!errors.isEmpty()) {
            throw DeadLetterProblem.badRequest(errors);
        }
        requireDeadLetterTopic(topic);
        return new Coordinates(topic, partitionNumber, offsetNumber);
    }

    /** Refuses with 409 a topic whose records are no dead letters: only they may be re-driven. */
    public static void requireDeadLetterTopic(String topic) {
        if (!DeadLetterTopics.isDeadLetterTopic(topic)) {
            throw DeadLetterProblem.conflict(topic + " is not a dead-letter topic (its name does not end in .dlq)");
        }
    }

    /** {@code line.output.dlq/0/42}: the key of the re-drive's audit record. */
    public String key() {
        return topic + '/' + partition + '/' + offset;
    }

    static long nonNegative(String text, String field, long max, List<FieldError> errors) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a whole number from 0 to " + max));
        return -1;
    }
}
