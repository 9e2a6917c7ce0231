package org.buildwithukraine.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

/**
 * A poll's records handed straight to a batch consumer's method, without a broker, as a test drives replicas of a
 * consumer at the same moment from its own threads. Acknowledging a batch does nothing; a record the consumer
 * parks (nacks) is kept with the reason, for the test to check that none was.
 */
public final class DirectBatch {

    private final List<Throwable> parked = new CopyOnWriteArrayList<>();

    private final KafkaCommitHandler acknowledged = new KafkaCommitHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
            return Uni.createFrom().voidItem();
        }
    };

    private final KafkaFailureHandler parking = new KafkaFailureHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            parked.add(reason);
            return Uni.createFrom().voidItem();
        }
    };

    /** One poll of one partition: the values with consecutive offsets from {@code firstOffset}, keyed {@code key}. */
    public KafkaRecordBatch<String, String> of(String topic, int partition, long firstOffset, String key,
            List<String> values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            records.add(new ConsumerRecord<>(topic, partition, firstOffset + i, key, values.get(i)));
        }
        ConsumerRecords<String, String> poll = new ConsumerRecords<>(
                Map.of(new TopicPartition(topic, partition), records), Map.of());
        return new IncomingKafkaRecordBatch<>(poll, topic, 0, acknowledged, parking, false, false);
    }

    /** Why each record parked so far was parked. */
    public List<Throwable> parked() {
        return List.copyOf(parked);
    }
}
