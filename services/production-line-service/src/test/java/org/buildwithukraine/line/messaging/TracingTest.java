package org.buildwithukraine.line.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.line.Requests.TECHNOLOGY;
import static org.buildwithukraine.line.Requests.asMaker;
import static org.buildwithukraine.line.Requests.asRole;
import static org.buildwithukraine.line.Requests.line;
import static org.buildwithukraine.line.Requests.lineId;
import static org.buildwithukraine.line.Requests.registerLine;
import static org.buildwithukraine.line.Requests.uniqueId;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.kit.outbox.Outbox;
import org.buildwithukraine.kit.outbox.OutboxEvent;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.kit.tracing.EventTracing;
import org.buildwithukraine.line.Events;
import org.buildwithukraine.testsupport.TestKafka;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One trace across the asynchronous hops: the request's context kept in the outbox row, the relay's publish span
 * as its child with its own context in the record's headers, a consumer applying a record in a child span of its
 * headers, and what it writes to its outbox carrying that trace on. Spans come from the in-memory exporter
 * ({@link RecordedSpans}); the stored row and the published record's headers are read as they are.
 */
@QuarkusTest
class TracingTest {

    private static final String UNTRACED_TOPIC = "bwu.test.untraced";

    @RegisterExtension
    static final TopicRecorder lineStatus = TopicRecorder.of(Topics.LINE_STATUS);

    @RegisterExtension
    static final TopicRecorder untraced = TopicRecorder.of(UNTRACED_TOPIC);

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static String factory;

    @Inject
    RecordedSpans spans;

    @Inject
    EntityManager entityManager;

    @Inject
    EventTracing tracing;

    @Inject
    Outbox outbox;

    @BeforeEach
    void factory() {
        if (factory == null) {
            factory = uniqueId("de-tracing");
            Events.activeManufacturer(factory);
        }
    }

    @Test
    void anEventWrittenInATracedRequestIsPublishedInThatTraceByTheRelay() {
        String traceId = hex(32);
        String callerSpan = hex(16);
        String line = lineId("de", "TRC");
        asMaker(factory).header(EventTracing.TRACEPARENT, "00-" + traceId + "-" + callerSpan + "-01")
                .body(line(factory, TECHNOLOGY, 100)).put("/api/lines/{id}", line).then().statusCode(201);

        OutboxEvent stored = storedEvent(line);
        assertThat(stored.traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        String requestSpan = spanIdOf(stored.traceparent);
        assertThat(requestSpan).isNotEqualTo(callerSpan);

        await().atMost(WAIT).until(() -> !lineStatus.recordsFor(line).isEmpty());
        String published = header(lineStatus.recordsFor(line).get(0), EventTracing.TRACEPARENT);
        assertThat(published).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        String publishSpan = spanIdOf(published);
        assertThat(publishSpan).isNotEqualTo(requestSpan);

        SpanData publish = awaitSpan(traceId, "publish " + Topics.LINE_STATUS);
        assertThat(publish.getSpanId()).isEqualTo(publishSpan);
        assertThat(publish.getParentSpanId()).isEqualTo(requestSpan);
        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(publish.getAttributes().asMap()).containsValue(stored.eventId.toString());
        // the request's own span, child of the caller's, is the one whose context the row kept
        await().atMost(WAIT).until(() -> spans.ofTrace(traceId).stream()
                .anyMatch(span -> span.getSpanId().equals(requestSpan) && span.getParentSpanId().equals(callerSpan)));
    }

    @Test
    void aConsumerAppliesARecordInAChildSpanOfTheContextInItsHeaders() {
        String traceId = hex(32);
        String producerSpan = hex(16);
        String line = lineId("de", "TRA");
        registerLine(line, factory, 100);
        String allocation = uniqueId("traced-alloc");
        TestKafka.send(Topics.ORDER_ALLOCATIONS, line, Events.allocationCreated(UUID.randomUUID(), allocation, line,
                factory, 5, Instant.now().minus(Duration.ofHours(1))),
                Map.of(EventTracing.TRACEPARENT, "00-" + traceId + "-" + producerSpan + "-01"));

        await().atMost(WAIT).until(() -> asRole(Roles.ORDER_DESK).get("/api/lines/{id}/allocations", line).then()
                .extract().jsonPath().getList("allocationId").contains(allocation));
        SpanData apply = awaitSpan(traceId, "apply " + Topics.ORDER_ALLOCATIONS);
        assertThat(apply.getParentSpanId()).isEqualTo(producerSpan);
        assertThat(apply.getKind()).isEqualTo(SpanKind.CONSUMER);
    }

    @Test
    void whatAConsumerWritesToItsOutboxContinuesTheTraceOfTheRecordItApplies() {
        String traceId = hex(32);
        String producerSpan = hex(16);
        String aggregate = uniqueId("traced-follow-up");
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.ORDER_ALLOCATIONS, 0, 0L, aggregate,
                "{}");
        record.headers().add(EventTracing.TRACEPARENT,
                ("00-" + traceId + "-" + producerSpan + "-01").getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventTracing.TRACESTATE, "bwu=test".getBytes(StandardCharsets.UTF_8));

        tracing.apply(record, json -> QuarkusTransaction.requiringNew().run(() -> outbox.record(
                "bwu.test.traced", aggregate, "FollowUp", 1, "test", Map.of("of", aggregate))));

        OutboxEvent stored = storedEvent(aggregate);
        assertThat(stored.traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(stored.tracestate).isEqualTo("bwu=test");
        SpanData apply = awaitSpan(traceId, "apply " + Topics.ORDER_ALLOCATIONS);
        assertThat(spanIdOf(stored.traceparent)).isEqualTo(apply.getSpanId());
        assertThat(apply.getParentSpanId()).isEqualTo(producerSpan);
    }

    @Test
    void anEventWrittenOutsideAnyTraceIsPublishedInATraceOfItsOwn() {
        String aggregate = uniqueId("untraced");
        QuarkusTransaction.requiringNew().run(() -> outbox.record(UNTRACED_TOPIC, aggregate, "Untraced", 1,
                "test", Map.of("of", aggregate)));
        OutboxEvent stored = storedEvent(aggregate);
        assertThat(stored.traceparent).isNull();
        assertThat(stored.tracestate).isNull();

        await().atMost(WAIT).until(() -> !untraced.recordsFor(aggregate).isEmpty());
        String published = header(untraced.recordsFor(aggregate).get(0), EventTracing.TRACEPARENT);
        SpanData publish = awaitSpan(published.split("-")[1], "publish " + UNTRACED_TOPIC);
        assertThat(publish.getSpanId()).isEqualTo(spanIdOf(published));
        assertThat(publish.getParentSpanContext().isValid()).isFalse();
    }

    private OutboxEvent storedEvent(String aggregateId) {
        List<OutboxEvent> events = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("from OutboxEvent where aggregateId = :id order by position", OutboxEvent.class)
                .setParameter("id", aggregateId).getResultList());
        assertThat(events).isNotEmpty();
        return events.get(0);
    }


    private SpanData awaitSpan(String traceId, String name) {
        await().atMost(WAIT).until(() -> spans.named(traceId, name).isPresent());
        return spans.named(traceId, name).orElseThrow();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }

    /** A random W3C trace or span id of that many hex digits. */
    private static String hex(int digits) {
        byte[] id = new byte[digits / 2];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
