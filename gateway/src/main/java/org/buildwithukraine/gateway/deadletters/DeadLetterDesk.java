package org.buildwithukraine.gateway.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.buildwithukraine.gateway.config.GatewayConfig;
import org.buildwithukraine.gateway.config.KafkaClientConfig;
import org.buildwithukraine.gateway.deadletters.DeadLetterProblem.FieldError;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The operator's dead letters: every {@code <topic>.dlq} with its count, a dead-letter topic's records newest
 * first, and the re-drive of one record to its original topic once the cause of its rejection is fixed.
 *
 * <p><b>Reads</b> use a plain consumer made for the request: partitions assigned and seeked, no consumer group,
 * nothing committed, no topic created by asking for it. They are bounded: a page reads at most
 * {@code max-listed} records per partition, and every step waits at most {@code timeout} for Kafka.
 *
 * <p><b>A re-drive is idempotent per dead letter</b> (its coordinates: dead-letter topic, partition, offset; the
 * gateway has no Idempotency-Key mechanism of its own). The audit topic is read first: a dead letter re-driven
 * before is answered with its first re-drive's audit record and nothing is sent. Otherwise one Kafka transaction
 * sends the record — key, value and its original headers (a trace context among them), without the
 * {@code dead-letter-*} headers — to its original topic, and its audit record (operator, time, coordinates, event
 * id, original topic, outcome, where the record landed) to the audit topic: both are committed or neither.
 *
 * <p><b>Two operators at once</b>: within one gateway every Kafka step runs on one worker thread, one request after
 * the other, so the second sees the first's audit record. Between gateway instances all re-drives share one
 * transactional id: starting a re-drive fences the producer of one under way on another instance (its
 * transaction is aborted and answered 409, nothing committed), and the audit topic is read again after the
 * fencing, so a re-drive committed just before is seen and not repeated.
 *
 * <p><b>Failure modes</b>: Kafka unreachable or slower than the timeout → 503 with {@code Retry-After}, the
 * transaction aborted. The services' consumers read uncommitted records, so one of an aborted re-drive may still
 * reach them; a repeated re-drive then delivers the event again, and their inbox (idempotent on the event id)
 * drops it, as it does for the consumer groups of the original topic that had applied the event before it was
 * parked. A re-drive of a record that fails again is parked again, as a new dead letter.
 */
@ApplicationScoped
public class DeadLetterDesk {

    private static final Logger LOG = Logger.getLogger(DeadLetterDesk.class);
    private static final String CLIENT_ID = "bwu-gateway-dead-letters";

    private final KafkaClientConfig kafka;
    private final GatewayConfig.DeadLetters settings;
    private final Duration timeout;
    private final WorkerExecutor worker;
    private final RedriveLog redrives;

    public DeadLetterDesk(Vertx vertx, KafkaClientConfig kafka, GatewayConfig config) {
        this.kafka = kafka;
        this.settings = config.deadLetters();
        this.timeout = settings.timeout();
        this.redrives = new RedriveLog(settings.auditTopic());
        // one thread: requests take their turn, and the audit index is only ever touched by it
        this.worker = vertx.createSharedWorkerExecutor("bwu-dead-letters", 1, 10 * timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void close() {
        worker.close();
    }

    /** Every dead-letter topic with its partitions, the records it holds and how many were re-driven. */
    public io.vertx.core.Future<JsonObject> topics() {
        return onWorker(() -> {
            try (Reader reader = new Reader()) {
                var consumer = reader.consumer;
                Map<String, List<PartitionInfo>> deadLetterTopics = new TreeMap<>();
                consumer.listTopics(timeout).forEach((topic, partitions) -> {
                    if (DeadLetterTopics.isDeadLetterTopic(topic)) {
                        deadLetterTopics.put(topic, partitions);
                    }
                });
                List<TopicPartition> partitions = deadLetterTopics.entrySet().stream()
                        .flatMap(e -> e.getValue().stream().map(p -> new TopicPartition(e.getKey(), p.partition())))
                        .toList();
                Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions, timeout);
                Map<TopicPartition, Long> next = consumer.endOffsets(partitions, timeout);
                redrives.catchUp(consumer, timeout);
                JsonArray topics = new JsonArray();
                long total = 0;
                for (var topic : deadLetterTopics.entrySet()) {
                    long records = partitions.stream().filter(p -> p.topic().equals(topic.getKey()))
                            .mapToLong(p -> next.get(p) - first.get(p)).sum();
                    total += records;
                    topics.add(new JsonObject()
                            .put("topic", topic.getKey())
                            .put("originalTopic", DeadLetterTopics.originalOf(topic.getKey()))
                            .put("partitions", topic.getValue().size())
                            .put("records", records)
                            .put("redriven", redrives.redrivenOf(topic.getKey())));
                }
                return new JsonObject().put("topics", topics).put("records", total);
            }
        });
    }

    /**
     * A page of a dead-letter topic's records, newest first (by the time they were parked, over all partitions),
     * each with its re-drive if it had one.
     */
    public io.vertx.core.Future<JsonObject> records(String topic, String pageText, String sizeText) {
        int page;
        int size;
        try {
            List<FieldError> errors = new ArrayList<>();
            if (!DeadLetterTopics.isLegalName(topic)) {
                errors.add(new FieldError("topic", "must be a Kafka topic name (letters, digits, '.', '_', '-')"));
            }
            page = (int) (pageText == null ? 0 : Coordinates.nonNegative(pageText, "page", Integer.MAX_VALUE, errors));
            size = (int) (sizeText == null ? settings.defaultPageSize()
                    : Coordinates.nonNegative(sizeText, "size", settings.maxPageSize(), errors));
            if (size == 0) {
                errors.add(new FieldError("size", "must be a whole number from 1 to " + settings.maxPageSize()));
            }
            if (errors.isEmpty() && (long) (page + 1) * size > settings.maxListed()) {
                errors.add(new FieldError("page", "pages reach the newest " + settings.maxListed()
                        + " records of a topic only"));
            }
            if (!errors.isEmpty()) {
                throw DeadLetterProblem.badRequest(errors);
            }
            if (!DeadLetterTopics.isDeadLetterTopic(topic)) {
                throw DeadLetterProblem.notFound(topic + " is not a dead-letter topic (its name does not end in .dlq)");
            }
        } catch (DeadLetterProblem refused) {
            return io.vertx.core.Future.failedFuture(refused);
        }
        return onWorker(() -> {
            try (Reader reader = new Reader()) {
                var consumer = reader.consumer;
                List<TopicPartition> partitions = partitionsOf(consumer, topic);
                Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions, timeout);
                Map<TopicPartition, Long> next = consumer.endOffsets(partitions, timeout);
                long wanted = (long) (page + 1) * size;
                Map<TopicPartition, Long> from = new HashMap<>();
                long total = 0;
                for (TopicPartition partition : partitions) {
                    total += next.get(partition) - first.get(partition);
                    from.put(partition, Math.max(first.get(partition), next.get(partition) - wanted));
                }
                List<DeadLetter> read = new ArrayList<>();
                PartitionReads.read(consumer, from, next, timeout, record -> {
                    if (record.offset() < next.get(new TopicPartition(record.topic(), record.partition()))) {
                        read.add(DeadLetter.of(record));
                    }
                });
                redrives.catchUp(consumer, timeout);
                read.sort(NEWEST_FIRST);
                JsonArray items = new JsonArray();
                read.stream().skip((long) page * size).limit(size).forEach(deadLetter -> items.add(deadLetter.toJson()
                        .put("redrive", redrives.firstRedriveOf(deadLetter.coordinates()).map(Redrive::toJson)
                                .orElse(null))));
                return new JsonObject().put("topic", topic).put("originalTopic", DeadLetterTopics.originalOf(topic))
                        .put("items", items).put("page", page).put("size", size).put("total", total);
            }
        });
    }

    /** Re-drives one dead letter to its original topic, once; see the class comment for the guarantees. */
    public io.vertx.core.Future<JsonObject> redrive(String topic, String partition, String offset, String operator) {
        Coordinates deadLetter;
        try {
            deadLetter = Coordinates.parse(topic, partition, offset);
        } catch (DeadLetterProblem refused) {
            return io.vertx.core.Future.failedFuture(refused);
        }
        return onWorker(() -> {
            try (Reader reader = new Reader()) {
                DeadLetter record = find(reader.consumer, deadLetter);
                redrives.catchUp(reader.consumer, timeout);
                Optional<Redrive> earlier = redrives.firstRedriveOf(deadLetter);
                return (earlier.isPresent() ? repeated(earlier.get()) : sendOnce(reader.consumer, record, operator))
                        .toJson();
            }
        });
    }

    private static Redrive repeated(Redrive earlier) {
        LOG.infof("Dead letter %s was re-driven before, by %s at %s: nothing sent", earlier.deadLetter().key(),
                earlier.operator(), earlier.redrivenAt());
        return earlier;
    }

    /**
     * Sends the dead letter and its audit record in one transaction, unless, once other instances' producers are
     * fenced, the audit topic shows it re-driven meanwhile: then that re-drive.
     */
    private Redrive sendOnce(KafkaConsumer<byte[], byte[]> consumer, DeadLetter record, String operator)
            throws InterruptedException {
        KafkaProducer<byte[], byte[]> producer = producer();
        Redrive redrive = null;
        try {
            producer.initTransactions();
            redrives.catchUp(consumer, timeout);
            Optional<Redrive> meanwhile = redrives.firstRedriveOf(record.coordinates());
            if (meanwhile.isPresent()) {
                return repeated(meanwhile.get());
            }
            producer.beginTransaction();
            RecordMetadata sent = await(producer.send(new ProducerRecord<>(record.originalTopic(), null, record.key(),
                    record.value(), record.redriveHeaders())));
            redrive = new Redrive(record.coordinates(), record.eventId(), record.eventType(), record.originalTopic(),
                    operator, Instant.now(), Redrive.REDRIVEN, sent.partition(), sent.offset());
            await(producer.send(new ProducerRecord<>(redrives.topic(),
                    record.coordinates().key().getBytes(StandardCharsets.UTF_8),
                    redrive.toJson().toBuffer().getBytes())));
            producer.commitTransaction();
            redrives.add(redrive);
            audit(redrive, Redrive.REDRIVEN);
            return redrive;
        } catch (KafkaException | InterruptedException failed) {
            abort(producer);
            if (redrive != null) {
                audit(redrive, "FAILED");
            } else {
                LOG.warnf("Re-drive of dead letter %s by %s failed, nothing sent: %s", record.coordinates().key(),
                        operator, failed.toString());
            }
            throw failed;
        } finally {
            producer.close(timeout);
        }
    }

    /** The structured line of every re-drive attempt: the fields also as MDC entries, for the JSON log. */
    private static void audit(Redrive redrive, String outcome) {
        Map<String, String> fields = Map.of("deadLetter", redrive.deadLetter().key(),
                "eventId", String.valueOf(redrive.eventId()), "originalTopic", redrive.originalTopic(),
                "operator", redrive.operator(), "outcome", outcome);
        fields.forEach(MDC::put);
        try {
            if (outcome.equals(Redrive.REDRIVEN)) {
                LOG.infof("Dead letter re-driven: deadLetter=%s eventId=%s originalTopic=%s sentTo=%d/%d operator=%s "
                        + "outcome=%s", redrive.deadLetter().key(), redrive.eventId(), redrive.originalTopic(),
                        redrive.sentPartition(), redrive.sentOffset(), redrive.operator(), outcome);
            } else {
                LOG.warnf("Dead letter not re-driven, transaction aborted: deadLetter=%s eventId=%s originalTopic=%s "
                        + "operator=%s outcome=%s", redrive.deadLetter().key(), redrive.eventId(),
                        redrive.originalTopic(), redrive.operator(), outcome);
            }
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }

    private static void abort(KafkaProducer<byte[], byte[]> producer) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException notAbortable) {
            // fenced, never begun, or initTransactions timed out: closing the producer ends it, and the broker
            // aborts what stayed open when the next re-drive starts under the same transactional id
            LOG.debugf("Re-drive transaction not aborted explicitly: %s", notAbortable.toString());
        }
    }

    /** The dead letter at those coordinates; 404 for a topic, partition or offset that holds none. */
    private DeadLetter find(KafkaConsumer<byte[], byte[]> consumer, Coordinates deadLetter) {
        List<TopicPartition> partitions = partitionsOf(consumer, deadLetter.topic());
        if (deadLetter.partition() >= partitions.size()) {
            throw DeadLetterProblem.notFound(deadLetter.topic() + " has " + partitions.size() + " partition(s), no "
                    + deadLetter.partition());
        }
        TopicPartition partition = new TopicPartition(deadLetter.topic(), deadLetter.partition());
        long first = consumer.beginningOffsets(List.of(partition), timeout).get(partition);
        long next = consumer.endOffsets(List.of(partition), timeout).get(partition);
        if (deadLetter.offset() < first || deadLetter.offset() >= next) {
            throw DeadLetterProblem.notFound("Partition " + deadLetter.partition() + " of " + deadLetter.topic()
                    + " holds offsets " + first + " to " + (next - 1) + " only, not " + deadLetter.offset());
        }
        List<DeadLetter> found = new ArrayList<>();
        PartitionReads.read(consumer, Map.of(partition, deadLetter.offset()),
                Map.of(partition, deadLetter.offset() + 1), timeout, record -> {
                    if (record.offset() == deadLetter.offset()) {
                        found.add(DeadLetter.of(record));
                    }
                });
        if (found.isEmpty()) {
            throw DeadLetterProblem.notFound("No record at offset " + deadLetter.offset() + " of partition "
                    + deadLetter.partition() + " of " + deadLetter.topic());
        }
        return found.get(0);
    }

    private List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
        if (partitions == null || partitions.isEmpty()) {
            throw DeadLetterProblem.notFound("No topic " + topic);
        }
        return partitions.stream().map(p -> new TopicPartition(topic, p.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    private <T> T await(Future<T> sending) throws InterruptedException {
        try {
            return sending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafkaFailure ? kafkaFailure
                    : new KafkaException("Record not sent", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new org.apache.kafka.common.errors.TimeoutException("Kafka did not take the record within " + timeout);
        }
    }

    /** Runs Kafka work on the worker thread; Kafka's failures become the problems the operator is answered with. */
    private <T> io.vertx.core.Future<T> onWorker(Callable<T> work) {
        return worker.executeBlocking(() -> {
            try {
                return work.call();
            } catch (KafkaException failure) {
                if (fenced(failure)) {
                    throw DeadLetterProblem.conflict("A re-drive on another gateway instance started at the same "
                            + "time; nothing was sent. Ask again: a dead letter it re-drove is answered with its re-drive");
                }
                LOG.warnf("Kafka not reachable for the dead-letter routes: %s", failure.toString());
                throw DeadLetterProblem.unavailable("Kafka cannot be reached or did not answer in time; retry shortly",
                        failure);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw DeadLetterProblem.unavailable("The gateway is stopping; retry shortly", interrupted);
            }
        }, true);
    }

    private static boolean fenced(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> properties = kafka.connection();
        long millis = timeout.toMillis();
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID + "-redrive");
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) millis);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) millis);
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A consumer for one request: no group, nothing committed, no topic created by asking for it. */
    private final class Reader implements AutoCloseable {

        final KafkaConsumer<byte[], byte[]> consumer;

        Reader() {
            Map<String, Object> properties = kafka.connection();
            properties.put(ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
            properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }

        @Override
        public void close() {
            consumer.close(timeout);
        }
    }

    private static final Comparator<DeadLetter> NEWEST_FIRST = Comparator
            .comparing((DeadLetter d) -> d.parkedAt() == null ? Instant.MIN : d.parkedAt()).reversed()
            .thenComparing(d -> d.coordinates().partition())
            .thenComparing(Comparator.comparingLong((DeadLetter d) -> d.coordinates().offset()).reversed());
}
