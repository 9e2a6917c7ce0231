package org.buildwithukraine.gateway.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.vertx.core.json.JsonObject;

/**
 * What the audit topic says has been re-driven: the first re-drive of each dead letter, by its coordinates. The
 * audit topic is the truth (every gateway instance writes to it and reads it); this is its index in memory,
 * caught up from where it stopped to the topic's end before every answer that depends on it. Read with
 * {@code read_committed}, so a re-drive whose transaction was aborted is not in it. Not thread-safe: only the
 * dead-letter worker thread uses it.
 */
final class RedriveLog {

    private static final Logger LOG = Logger.getLogger(RedriveLog.class);

    private final String topic;
    private final Map<String, Redrive> firstByCoordinates = new HashMap<>();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();

    RedriveLog(String topic) {
        this.topic = topic;
    }

    String topic() {
        return topic;
    }

    /** Reads what was added to the audit topic since the last call (nothing before the first re-drive created it). */
    void catchUp(Consumer<byte[], byte[]> consumer, Duration timeout) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
        if (partitions == null || partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> from = new HashMap<>();
        for (PartitionInfo partition : partitions) {
            TopicPartition topicPartition = new TopicPartition(topic, partition.partition());
            from.put(topicPartition, nextOffsets.getOrDefault(topicPartition, 0L));
        }
        Map<TopicPartition, Long> until = consumer.endOffsets(from.keySet(), timeout);
        Map<TopicPartition, Long> reached = PartitionReads.read(consumer, from, until, timeout, this::remember);
        nextOffsets.putAll(reached);
    }

    Optional<Redrive> firstRedriveOf(Coordinates deadLetter) {
        return Optional.ofNullable(firstByCoordinates.get(deadLetter.key()));
    }

    /** How many dead letters of that dead-letter topic have been re-driven. */
    long redrivenOf(String deadLetterTopic) {
        return firstByCoordinates.values().stream().filter(r -> r.deadLetter().topic().equals(deadLetterTopic))
                .count();
    }

    /** Adds a re-drive this instance has just committed, so that it is known before the next catch-up. */
    void add(Redrive redrive) {
        firstByCoordinates.putIfAbsent(redrive.deadLetter().key(), redrive);
    }

    private void remember(ConsumerRecord<byte[], byte[]> record) {
        try {
            Redrive redrive = Redrive.fromJson(new JsonObject(new String(record.value(), StandardCharsets.UTF_8)));
            if (Redrive.REDRIVEN.equals(redrive.outcome())) {
                add(redrive);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Record %s-%d@%d of the audit topic is no re-drive record, passed over: %s", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
        }
    }
}
