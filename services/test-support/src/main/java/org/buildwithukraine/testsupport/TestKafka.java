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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import javax.management.MXBean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) inside the test JVM, started at the first
 * use and stopped when the JVM ends. Topics are created on first use.
 *
 * <p>One broker for the whole JVM, across Quarkus boots: every {@code @TestProfile} boots the service in a class
 * loader of its own, with its own copy of this class and its statics, so the broker is not held here but by
 * {@link SharedBroker}, which the platform MBean server creates once from the system class loader ({@link JvmWide});
 * this class asks it for its addresses through JMX. A later boot therefore finds the topics, records and committed
 * offsets of consumer groups that earlier boots left (an event a stopping boot gave back is delivered to the next
 * one): tests tell their data apart by unique ids, not by a fresh broker.
 *
 * <p>Besides its own listener, the broker has one that clients reach only through a {@link TcpLink}
 * ({@link #linkedBootstrapServers()}): the broker advertises the link's port on it, so that every connection of a
 * client bootstrapped there goes through the link, and a test that cuts it ({@link #link()}) takes the broker
 * away from that client alone, as when the broker's pod dies, while the other clients of the JVM carry on. The
 * link lives as long as the broker and is an MBean too; {@link #link()} answers a JMX proxy of it.
 */
public final class TestKafka {

    private static final String TYPE = "TestKafka";

    private TestKafka() {
    }

    public static String bootstrapServers() {
        return broker().getBootstrapServers();
    }

    /** Bootstrap servers of the listener behind {@link #link()}. */
    public static String linkedBootstrapServers() {
        return broker().getLinkedBootstrapServers();
    }

    /** The link in front of the broker's second listener, for a test to cut and restore. */
    public static TcpLink link() {
        broker().getLinkedBootstrapServers();
        return JvmWide.registered(TcpLink.class.getSimpleName(), TYPE, TcpLink.class);
    }

    /** Publishes one record and waits until the broker has it, e.g. to feed an event to a service under test. */
    public static void send(String topic, String key, String value) {
        send(topic, key, value, Map.of());
    }

    /** As {@link #send(String, String, String)}, with record headers (e.g. a {@code traceparent}). */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    /** Publishes one record (with headers, a partition, ...) and waits until the broker has it; answers where. */
    public static RecordMetadata send(ProducerRecord<String, String> record) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Test record not accepted by Kafka", e);
        }
    }

    /**
     * Every record of the topic now, from its beginning to its end, partition after partition (no consumer group,
     * nothing committed; records of aborted transactions left out): for a test to show what was sent, and that
     * nothing more was.
     */
    public static List<ConsumerRecord<String, String>> records(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return records;
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Records of " + topic + " did not arrive within 30 s");
                }
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                });
            }
        }
        return records;
    }

    private static Broker broker() {
        return JvmWide.instance(TYPE, SharedBroker.class, Broker.class);
    }

    /** What a boot sees of the JVM's broker: its addresses, only JDK types. */
    @MXBean
    public interface Broker {

        String getBootstrapServers();

        String getLinkedBootstrapServers();
    }

    /**
     * The JVM's broker, started at the first question for an address. Public for the MBean server, which creates
     * the one instance ({@link JvmWide#instance}); a test uses {@link TestKafka}.
     */
    public static final class SharedBroker implements Broker {

        private KafkaRaftServer broker;
        private String bootstrapServers;
        private TcpForwarder link;
        private Path logDir;

        @Override
        public synchronized String getBootstrapServers() {
            if (broker == null) {
                bootstrapServers = JvmWide.inOwnClassLoader(SharedBroker.class, this::start);
            }
            return bootstrapServers;
        }

        @Override
        public synchronized String getLinkedBootstrapServers() {
            getBootstrapServers();
            return "localhost:" + link.port();
        }

        /** Starts the broker and its link; answers the broker's own bootstrap servers. */
        private String start() {
            try {
                int brokerPort = freePort();
                int controllerPort = freePort();
                int linkedPort = freePort();
                link = TcpForwarder.toLocalPort(linkedPort);
                logDir = Files.createTempDirectory("bwu-test-kafka");
                Properties props = new Properties();
                props.put("process.roles", "broker,controller");
                props.put("node.id", "1");
                props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
                props.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:"
                        + controllerPort + ",LINKED://localhost:" + linkedPort);
                props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort + ",LINKED://localhost:"
                        + link.port());
                props.put("controller.listener.names", "CONTROLLER");
                props.put("inter.broker.listener.name", "PLAINTEXT");
                props.put("listener.security.protocol.map",
                        "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,LINKED:PLAINTEXT");
                props.put("log.dirs", logDir.toString());
                props.put("num.partitions", "3");
                props.put("auto.create.topics.enable", "true");
                props.put("offsets.topic.replication.factor", "1");
                props.put("offsets.topic.num.partitions", "3");
                props.put("transaction.state.log.replication.factor", "1");
                props.put("transaction.state.log.min.isr", "1");
                // the first transaction (the gateway's re-drive of a dead letter) would create 50 partitions first
                props.put("transaction.state.log.num.partitions", "1");
                props.put("share.coordinator.state.topic.replication.factor", "1");
                props.put("share.coordinator.state.topic.min.isr", "1");
                props.put("group.initial.rebalance.delay.ms", "0");
                File propsFile = logDir.resolve("server.properties").toFile();
                try (OutputStream out = new FileOutputStream(propsFile)) {
                    props.store(out, "test broker");
                }
                int formatted = StorageTool.execute(new String[] { "format", "-t", Uuid.randomUuid().toString(),
                        "-c", propsFile.getAbsolutePath(), "--ignore-formatted" }, System.out);
                if (formatted != 0) {
                    throw new IllegalStateException("Kafka storage format failed with " + formatted);
                }
                broker = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
                broker.startup();
                JvmWide.register(TcpLink.class.getSimpleName(), TYPE, link, TcpLink.class);
                Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "test-kafka-stop"));
                return "localhost:" + brokerPort;
            } catch (IOException e) {
                throw new UncheckedIOException("Test Kafka broker did not start", e);
            }
        }

        private synchronized void stop() {
            link.close();
            broker.shutdown();
            broker.awaitShutdown();
            try (Stream<Path> files = Files.walk(logDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // temporary directory; the operating system cleans it eventually
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
