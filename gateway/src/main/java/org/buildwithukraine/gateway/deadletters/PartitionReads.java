package org.buildwithukraine.gateway.deadletters;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Bounded reads of a plain consumer: partitions assigned and seeked, no consumer group, nothing committed.
 */
final class PartitionReads {

    private static final Duration POLL = Duration.ofMillis(100);

    private PartitionReads() {
    }

    /**
     * Hands every record from {@code from} (inclusive) to {@code until} (exclusive) of each partition to
     * {@code each}, and answers where each partition was left. Records beyond {@code until} that come in the same
     * poll are handed on too. Fails with Kafka's {@link TimeoutException} when the records do not all arrive within
     * the timeout.
     */
    static Map<TopicPartition, Long> read(org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer,
            Map<TopicPartition, Long> from, Map<TopicPartition, Long> until, Duration timeout,
            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<TopicPartition, Long> reached = new HashMap<>();
        List<TopicPartition> behind = from.keySet().stream()
                .filter(partition -> from.get(partition) < until.getOrDefault(partition, 0L)).toList();
        from.forEach((partition, offset) -> reached.put(partition, Math.max(offset, 0)));
        if (behind.isEmpty()) {
            return reached;
        }
        consumer.assign(behind);
        behind.forEach(partition -> consumer.seek(partition, from.get(partition)));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (behind.stream().anyMatch(partition -> consumer.position(partition, timeout) < until.get(partition))) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("Records of " + behind + " did not arrive within " + timeout);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                each.accept(record);
            }
        }
        behind.forEach(partition -> reached.put(partition, consumer.position(partition, timeout)));
        consumer.assign(List.of());
        return reached;
    }
}
