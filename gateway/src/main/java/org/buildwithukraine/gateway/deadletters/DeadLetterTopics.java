package org.buildwithukraine.gateway.deadletters;

import java.util.regex.Pattern;

import org.buildwithukraine.events.Topics;

/**
 * Which topics hold dead letters and where their records came from: {@code <topic>.dlq} receives what the
 * consumers of {@code <topic>} could not process (the service kit's {@code bwu-dead-letter-queue} strategy), so a
 * record is re-driven to the topic its dead-letter topic is named after, whatever its headers claim (a record's
 * headers come from whoever produced it).
 */
public final class DeadLetterTopics {

    /** The names Kafka accepts for a topic. */
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private DeadLetterTopics() {
    }

    public static boolean isLegalName(String topic) {
        return topic != null && LEGAL_NAME.matcher(topic).matches() && !topic.equals(".") && !topic.equals("..");
    }

    public static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(Topics.DEAD_LETTER_SUFFIX) && topic.length() > Topics.DEAD_LETTER_SUFFIX.length();
    }

    /** The topic whose dead letters {@code deadLetterTopic} holds. */
    public static String originalOf(String deadLetterTopic) {
        if (!isDeadLetterTopic(deadLetterTopic)) {
            throw new IllegalArgumentException(deadLetterTopic + " is not a dead-letter topic");
        }
        return deadLetterTopic.substring(0, deadLetterTopic.length() - Topics.DEAD_LETTER_SUFFIX.length());
    }
}
