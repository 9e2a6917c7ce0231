package org.buildwithukraine.kit.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.kit.inbox.InboundEvents.UnreadableEventException;
import org.buildwithukraine.kit.inbox.InboundTransactions.ConsumerStoppingException;
import org.buildwithukraine.kit.tracing.EventTracing;
import org.buildwithukraine.kit.tracing.EventTracing.Received;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Applies the records of one Kafka poll (a channel whose method takes a {@link KafkaRecordBatch}) as
 * {@link EventInbox} applies one event: each event once per consumer, recorded in the inbox in the transaction of
 * the change it causes. Here all the poll's events share one transaction: one commit instead of one per event, and
 * what they cause together (a lock, a routing pass) done once. Guarantee and failure modes:
 * <ul>
 * <li>a record that cannot be read ({@link UnreadableEventException} from {@link InboundEvents#parse} or the
 * consumer's {@link Reader}) is parked alone, through the channel's failure strategy, and the others applied;</li>
 * <li>a failure that passes (see {@link InboundTransactions}) is retried with the whole batch, for as long as it
 * takes;</li>
 * <li>any other failure rolls the batch back, and its events are applied one by one, each in a transaction of its
 * own with the attempts {@link InboundTransactions} gives an event, less the one made in the batch: an event that
 * would fail forever is parked alone, the others are applied;</li>
 * <li>once the service is stopping, the whole batch is given back unacknowledged, to come again after the
 * restart;</li>
 * <li>the batch is acknowledged (the channel's commit strategy commits each partition's latest offset) only once
 * every record parked is in its dead-letter topic. A record Kafka refuses to park fails the channel, which its
 * health check reports: nothing is acknowledged, and a restart reads again from the last committed offsets.</li>
 * </ul>
 * The work sees the events it has not applied before in the order of the poll (per partition, in offset order), a
 * redelivered copy of one of them in the same poll left out. A poll with one readable event is applied as
 * {@link EventInbox#applyOnce} applies it. Each record is applied in its own span ({@link EventTracing#received}),
 * what a batch causes together in the batch's span ({@link EventTracing#applyBatch}).
 */
@ApplicationScoped
public class EventBatches {

    private static final Logger LOG = Logger.getLogger(EventBatches.class);

    private final InboundEvents inbound;
    private final EventInbox inbox;
    private final ProcessedEvents processed;
    private final EventTracing tracing;

    public EventBatches(InboundEvents inbound, EventInbox inbox, ProcessedEvents processed, EventTracing tracing) {
        this.inbound = inbound;
        this.inbox = inbox;
        this.processed = processed;
        this.tracing = tracing;
    }

    /** What a consumer takes from an event: its payload, or nothing for an event it passes over. */
    @FunctionalInterface
    public interface Reader<T> {
        /** @throws UnreadableEventException for an event of the consumer's that it cannot apply */
        Optional<T> read(EventEnvelope envelope);
    }

    /** Applies events in the caller's transaction: the events of one poll, or one of them alone. */
    @FunctionalInterface
    public interface Work<T> {
        void apply(List<Inbound<T>> events);
    }

    /** One event of a batch, with the span its own part of the work runs in. */
    public record Inbound<T>(EventEnvelope envelope, T payload, Received span, KafkaRecord<String, String> record) {

        public UUID eventId() {
            return envelope.eventId();
        }

        /** Runs this event's part of the work with its span current. */
        public void run(Runnable part) {
            span.run(part);
        }
    }

    public <T> CompletionStage<Void> applyOnce(String consumer, KafkaRecordBatch<String, String> batch,
            Reader<T> reader, Work<T> work) {
        List<Inbound<T>> readable = new ArrayList<>();
        List<CompletionStage<Void>> parked = new ArrayList<>();
        Set<UUID> inThisPoll = new HashSet<>();
        String topic = null;
        for (KafkaRecord<String, String> record : batch) {
            ConsumerRecord<String, String> consumed = consumerRecordOf(record);
            topic = consumed.topic();
            Received span = tracing.received(consumed);
            try {
                EventEnvelope envelope = inbound.parse(consumed.value());
                Optional<T> payload = read(span, reader, envelope);
                if (payload.isPresent() && inThisPoll.add(envelope.eventId())) {
                    readable.add(new Inbound<>(envelope, payload.get(), span, record));
                } else {
                    span.applied();
                }
            } catch (UnreadableEventException unreadable) {
                span.failed(unreadable);
                parked.add(record.nack(unreadable));
            }
        }
        try {
            for (Failed<T> failed : apply(consumer, topic, readable, work)) {
                failed.event().span().failed(failed.reason());
                parked.add(failed.event().record().nack(failed.reason()));
            }
        } catch (ConsumerStoppingException stopping) {
            readable.forEach(event -> event.span().failed(stopping));
            return batch.nack(stopping);
        }
        return CompletableFuture.allOf(parked.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new)).thenCompose(parkedAll -> batch.ack());
    }

    private static <T> Optional<T> read(Received span, Reader<T> reader, EventEnvelope envelope) {
        List<Optional<T>> read = new ArrayList<>(1);
        span.run(() -> read.add(reader.read(envelope)));
        return read.get(0);
    }

    private record Failed<T>(Inbound<T> event, RuntimeException reason) {
    }

    /** @return the events that failed alone, to be parked; every other one is applied or was before */
    private <T> List<Failed<T>> apply(String consumer, String topic, List<Inbound<T>> events, Work<T> work) {
        if (events.isEmpty()) {
            return List.of();
        }
        if (events.size() > 1) {
            try {
                InboundTransactions.run(describe(topic, events), InboundTransactions.ATTEMPTS - 1,
                        () -> applyTogether(consumer, topic, events, work));
                events.forEach(event -> event.span().applied());
                return List.of();
            } catch (ConsumerStoppingException stopping) {
                throw stopping;
            } catch (RuntimeException failure) {
                LOG.warnf("Applying %s in one transaction failed; applying them one by one: %s",
                        describe(topic, events), failure.getMessage());
            }
        }
        int failedBefore = events.size() > 1 ? 1 : 0;
        List<Failed<T>> failed = new ArrayList<>();
        for (Inbound<T> event : events) {
            try {
                inbox.applyOnce(consumer, event.envelope(), failedBefore, () -> event.run(() -> work.apply(List.of(event))));
                event.span().applied();
            } catch (ConsumerStoppingException stopping) {
                throw stopping;
            } catch (RuntimeException failure) {
                failed.add(new Failed<>(event, failure));
            }
        }
        return failed;
    }

    private <T> void applyTogether(String consumer, String topic, List<Inbound<T>> events, Work<T> work) {
        Set<UUID> firstDeliveries = processed.firstDeliveries(consumer,
                events.stream().map(Inbound::eventId).toList());
        List<Inbound<T>> toApply = events.stream().filter(event -> firstDeliveries.contains(event.eventId())).toList();
        if (toApply.size() < events.size()) {
            LOG.debugf("%s: %d of %d events seen before; ignored", consumer, events.size() - toApply.size(),
                    events.size());
        }
        if (!toApply.isEmpty()) {
            tracing.applyBatch(topic, toApply.stream().map(Inbound::span).toList(), () -> work.apply(toApply));
        }
    }

    private static String describe(String topic, List<? extends Inbound<?>> events) {
        return events.size() + " events of " + topic + " (" + events.get(0).eventId() + " to "
                + events.get(events.size() - 1).eventId() + ")";
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecordOf(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("A batch record without its Kafka metadata"));
    }
}
