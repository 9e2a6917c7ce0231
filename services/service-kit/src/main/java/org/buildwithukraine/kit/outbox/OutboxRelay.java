package org.buildwithukraine.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.buildwithukraine.kit.tracing.EventTracing;
import org.buildwithukraine.kit.tracing.EventTracing.Publication;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes committed outbox events to Kafka, keyed by aggregate id, at least once and in commit order.
 * <p>
 * Every replica runs the relay, but only the one holding a PostgreSQL advisory lock publishes; the lock lives
 * as long as the batch transaction, so a replica that dies releases it and another takes over on its next
 * poll. One publisher at a time keeps events of an aggregate in order; a batch sent but not marked (crash
 * before commit) is sent again, which consumers absorb by deduplicating on the event id.
 * <p>
 * Each record is sent in a span {@code publish <topic>} whose parent is the trace context stored with the event
 * ({@link EventTracing#publishing}), ended by Kafka's answer; the span's context travels in the record's
 * {@code traceparent}/{@code tracestate} headers. A resent event gets a new span in the same trace.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Arbitrary but fixed: identifies "the outbox relay" among advisory locks of a service's database. */
    public static final long RELAY_LOCK_KEY = 0x6277_755f_6f75_7462L;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager entityManager;
    private final Emitter<String> emitter;
    private final OutboxConfig config;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    private final EventTracing tracing;

    public OutboxRelay(EntityManager entityManager,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) Emitter<String> emitter,
            OutboxConfig config, Clock clock, MeterRegistry registry, EventTracing tracing) {
        this.entityManager = entityManager;
        this.emitter = emitter;
        this.config = config;
        this.clock = clock;
        this.tracing = tracing;
        this.published = registry.counter("bwu.outbox.published");
        this.failures = registry.counter("bwu.outbox.publish.failures");
    }

    /** Not before start-up has finished: the Kafka channel is wired during start-up. */
    @Scheduled(identity = "outbox-relay", every = "${bwu.outbox.poll-interval:0.2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishPending() {
        try {
            int sent;
            do {
                sent = publishBatch();
            } while (sent == config.batchSize());
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("Outbox relay will retry: %s", e.getMessage());
        }
    }

    @Scheduled(identity = "outbox-housekeeping", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteOldPublished() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createQuery("delete from OutboxEvent where publishedAt < :before")
                .setParameter("before", clock.instant().minus(config.retention()))
                .executeUpdate());
    }

    /**
     * One pass of the relay, as the scheduler runs it.
     *
     * @return how many events were published; 0 also when another replica holds the relay lock
     */
    public int publishBatch() {
        return QuarkusTransaction.requiringNew()
                .timeout((int) config.sendTimeout().plusSeconds(30).toSeconds())
                .call(this::publishBatchInTransaction);
    }

    private int publishBatchInTransaction() {
        // until the Kafka connector has subscribed (start-up) or while it pushes back, there is nobody to send to
        if (!emitter.hasRequests() || !holdsRelayLock()) {
            return 0;
        }
        List<OutboxEvent> batch = entityManager
                .createQuery("from OutboxEvent where publishedAt is null order by position", OutboxEvent.class)
                .setMaxResults(config.batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(send(event));
        }
        List<Long> acknowledged = awaitAcknowledgedPrefix(batch, acks);
        if (!acknowledged.isEmpty()) {
            entityManager.createQuery("update OutboxEvent set publishedAt = :now where position in :positions")
                    .setParameter("now", clock.instant())
                    .setParameter("positions", acknowledged)
                    .executeUpdate();
            published.increment(acknowledged.size());
        }
        return acknowledged.size() == batch.size() ? batch.size() : 0;
    }

    private boolean holdsRelayLock() {
        Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK_KEY)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("event-id", event.eventId.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("event-type", event.eventType.getBytes(StandardCharsets.UTF_8));
        Publication publication = tracing.publishing(event.topic, event.eventId, event.aggregateId,
                event.traceparent, event.tracestate, headers);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.aggregateId)
                .withHeaders(headers)
                .build();
        Message<String> message = Message.of(event.envelope)
                .addMetadata(metadata)
                .withAck(() -> {
                    publication.acknowledged();
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    publication.failed(failure);
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            publication.failed(e);
            throw e;
        }
        return ack;
    }

    /**
     * Marks only an unbroken prefix as published: after a failure, that event and everything behind it are
     * sent again next time, even if some of them did get through, so no aggregate's events overtake each other.
     */
    private List<Long> awaitAcknowledgedPrefix(List<OutboxEvent> batch, List<CompletableFuture<Void>> acks) {
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        List<Long> acknowledged = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(batch.get(i).position);
            } catch (ExecutionException | TimeoutException e) {
                failures.increment();
                LOG.warnf("Outbox event %s (%s) not acknowledged by Kafka, will retry: %s",
                        batch.get(i).eventId, batch.get(i).eventType, e.getMessage());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged;
    }
}
