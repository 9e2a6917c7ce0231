package org.buildwithukraine.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.buildwithukraine.kit.inbox.InboundTransactions.ConsumerStoppingException;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * Failure strategy {@code bwu-dead-letter-queue} of every consuming channel: Kafka's dead-letter queue for events
 * that cannot be processed, but nothing at all for an event given back because the service is stopping — its
 * offset is never committed, so it comes again after the restart instead of being parked (and so lost to the
 * read model) in the dead-letter topic.
 *
 * <p>Each record parked is counted once Kafka has acknowledged it, in {@code bwu_dead_letters_total{channel,topic}};
 * the counter exists from the channel's start at 0, so that the first record parked is an increase an alert sees.
 *
 * <p>Besides SmallRye's {@code dead-letter-*} headers (reason, cause, original topic, partition, offset) and the
 * original record's headers, a parked record names who parked it: {@value #CHANNEL_HEADER} and
 * {@value #GROUP_HEADER}, the consuming channel and its consumer group. Several services' groups share a topic's
 * dead-letter topic; the operator re-driving a record (the gateway's dead-letter routes) sees whose it was. As
 * their names start with {@code dead-letter-}, a re-drive leaves them out with SmallRye's.
 */
@ApplicationScoped
@Identifier(DeadLetterUnlessStopping.STRATEGY)
public class DeadLetterUnlessStopping implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "bwu-dead-letter-queue";
    public static final String CHANNEL_HEADER = "dead-letter-channel";
    public static final String GROUP_HEADER = "dead-letter-group";

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final MeterRegistry registry;

    public DeadLetterUnlessStopping(@Identifier("dead-letter-queue") KafkaFailureHandler.Factory deadLetterQueue,
            MeterRegistry registry) {
        this.deadLetterQueue = deadLetterQueue;
        this.registry = registry;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler deadLetters = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        String channel = channelOf(config.getChannel());
        // the topic SmallRye's dead-letter queue writes to when none is configured
        String topic = config.getDeadLetterQueueTopic().orElse("dead-letter-topic-" + channel);
        Counter parked = Counter.builder("bwu.dead.letters")
                .description("Records a consuming channel could not process and parked in its dead-letter topic")
                .tag("channel", channel)
                .tag("topic", topic)
                .register(registry);
        Object group = consumer.configuration().get(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (isStopping(reason)) {
                    return Uni.createFrom().nothing();
                }
                return deadLetters.handle(record, reason, withParker(metadata, channel, group))
                        .invoke(() -> parked.increment());
            }

            @Override
            public void terminate() {
                deadLetters.terminate();
            }
        };
    }

    /**
     * The channel a consumer belongs to: a channel with {@code concurrency} N runs N consumers named
     * {@code channel$1} to {@code channel$N}, counted and named as their channel.
     */
    static String channelOf(String consumerChannel) {
        int copy = consumerChannel.indexOf('$');
        return copy < 0 ? consumerChannel : consumerChannel.substring(0, copy);
    }

    /** The headers naming the channel and group, added to the parked record unless outgoing metadata is given. */
    private static Metadata withParker(Metadata metadata, String channel, Object group) {
        Metadata given = metadata == null ? Metadata.empty() : metadata;
        if (given.get(OutgoingKafkaRecordMetadata.class).isPresent()) {
            return given;
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(CHANNEL_HEADER, channel.getBytes(StandardCharsets.UTF_8));
        if (group != null) {
            headers.add(GROUP_HEADER, group.toString().getBytes(StandardCharsets.UTF_8));
        }
        return given.with(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
    }

    private static boolean isStopping(Throwable reason) {
        for (Throwable cause = reason; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConsumerStoppingException) {
                return true;
            }
        }
        return false;
    }
}
