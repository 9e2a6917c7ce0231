package org.buildwithukraine.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.buildwithukraine.events.EventEnvelope;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Records everything published to a topic, from its beginning, so that a test can wait for the events it
 * caused (filter by aggregate id: the topic is shared by all tests of the JVM). As a JUnit extension
 * ({@code @RegisterExtension static final TopicRecorder events = TopicRecorder.of(topic)}) it closes itself
 * after the test class.
 */
public final class TopicRecorder implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final String topic;
    private final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();
    private KafkaConsumer<String, String> consumer;
    private Thread poller;
    private volatile boolean running;

    private TopicRecorder(String topic) {
        this.topic = topic;
    }

    /**
     * Starts recording at the first use, not at construction: a static field is initialised before Quarkus has
     * started the test broker, and the broker must be started by the test resource.
     */
    private synchronized void start() {
        if (consumer != null) {
            return;
        }
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(topic));
        running = true;
        poller = new Thread(this::poll, "topic-recorder-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    public static TopicRecorder of(String topic) {
        return new TopicRecorder(topic);
    }

    /** Records of that key so far. */
    public List<ConsumerRecord<String, String>> recordsFor(String key) {
        start();
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Envelopes of that key so far, in topic order. */
    public List<EventEnvelope> eventsFor(String key) {
        return recordsFor(key).stream().map(r -> envelope(r.value())).toList();
    }

    /** Waits until at least {@code count} records with that key have arrived, and returns their envelopes. */
    public List<EventEnvelope> awaitEvents(String key, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> recordsFor(key).size() >= count);
        return eventsFor(key);
    }

    /** Waits until an event of that key matches. */
    public EventEnvelope awaitEvent(String key, Predicate<EventEnvelope> matching) {
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsFor(key).stream().anyMatch(matching));
        return eventsFor(key).stream().filter(matching).findFirst().orElseThrow();
    }

    public static EventEnvelope envelope(String json) {
        try {
            return JSON.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not an event envelope: " + json, e);
        }
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        } catch (WakeupException closing) {
            // close() asked us to stop
        } finally {
            consumer.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized void close() {
        if (consumer == null) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
