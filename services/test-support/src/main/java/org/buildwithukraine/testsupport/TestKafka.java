package org.buildwithukraine.testsupport;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) inside the test JVM, started once and
 * stopped when the JVM ends. Topics are created on first use.
 */
public final class TestKafka {

    private static KafkaRaftServer broker;
    private static String bootstrapServers;
    private static Path logDir;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            start();
        }
        return bootstrapServers;
    }

    /** Publishes one record and waits until the broker has it, e.g. to feed an event to a service under test. */
    public static void send(String topic, String key, String value) {
        send(topic, key, value, Map.of());
    }

    /** As {@link #send(String, String, String)}, with record headers (e.g. a {@code traceparent}). */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Test record not accepted by Kafka", e);
        }
    }

    private static void start() {
        try {
            int brokerPort = freePort();
            int controllerPort = freePort();
            logDir = Files.createTempDirectory("bwu-test-kafka");
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
            props.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("log.dirs", logDir.toString());
            props.put("num.partitions", "3");
            props.put("auto.create.topics.enable", "true");
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "3");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            File propsFile = logDir.resolve("server.properties").toFile();
            try (OutputStream out = new FileOutputStream(propsFile)) {
                props.store(out, "test broker");
            }
            int formatted = StorageTool.execute(new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c",
                    propsFile.getAbsolutePath(), "--ignore-formatted" }, System.out);
            if (formatted != 0) {
                throw new IllegalStateException("Kafka storage format failed with " + formatted);
            }
            broker = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            broker.startup();
            bootstrapServers = "localhost:" + brokerPort;
            Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::stop, "test-kafka-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("Test Kafka broker did not start", e);
        }
    }

    private static synchronized void stop() {
        if (broker != null) {
            broker.shutdown();
            broker.awaitShutdown();
            broker = null;
        }
        try (Stream<Path> files = Files.walk(logDir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // temporary directory; the operating system cleans it eventually
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
