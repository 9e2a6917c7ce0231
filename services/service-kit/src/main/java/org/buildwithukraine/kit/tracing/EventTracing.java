package org.buildwithukraine.kit.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * Carries a trace across the platform's asynchronous hops, which no library sees whole: a request's transaction
 * writes an event to the outbox, the relay publishes it later (another thread, perhaps another replica), a consumer
 * applies it, and what that consumer writes to its own outbox goes on the same way.
 * <ul>
 * <li>{@link #currentContext()}: the W3C trace context ({@value #TRACEPARENT}, {@value #TRACESTATE}) of the work
 * under way, which {@code Outbox} keeps in the event's row;</li>
 * <li>{@link #publishing}: the relay's span {@code publish <topic>}, a child of that stored context however much
 * later it runs, whose own context goes into the Kafka record's headers;</li>
 * <li>{@link #apply}: a consumer's span {@code apply <topic>}, a child of the context in the record's headers,
 * current while the record is applied, so that the consumer's logs carry the trace id and its own outbox events
 * continue the trace; {@link #received} the same span for a record applied in a batch, and {@link #applyBatch} the
 * span of what the batch causes as a whole, linked to its records' spans.</li>
 * </ul>
 * Only W3C trace context travels this way (no baggage). An event or record without a trace context starts a trace
 * of its own; an unreadable {@value #TRACEPARENT} is ignored the same way, never a reason to refuse the event.
 * SmallRye's own Kafka tracing is switched off ({@code tracing-enabled=false} in the kit's configuration): it
 * would add a second, empty span per record and overwrite the relay's headers with the scheduler's context.
 * Whether a span is recorded and exported is the sampler's decision ({@code quarkus.otel.traces.sampler.arg}); the
 * ids are propagated and logged either way.
 */
@ApplicationScoped
public class EventTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final Logger LOG = Logger.getLogger(EventTracing.class);

    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> MESSAGE_KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    private static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    private static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> FROM_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return () -> StreamSupport.stream(carrier.spliterator(), false).map(Header::key).iterator();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator = W3CTraceContextPropagator.getInstance();

    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.buildwithukraine.kit");
    }

    /**
     * The W3C trace context of the current span as header values ({@value #TRACEPARENT}, and {@value #TRACESTATE}
     * when there is one); empty outside any trace.
     */
    public Map<String, String> currentContext() {
        Map<String, String> carrier = new HashMap<>(2);
        propagator.inject(Context.current(), carrier, Map::put);
        return carrier;
    }

    /**
     * Starts the span {@code publish <topic>} of one outbox event, a child of the trace context stored with it
     * (null values: a trace of its own), and writes the span's context into the record's headers, replacing any
     * there. The caller ends it through the returned {@link Publication} once Kafka has answered.
     */
    public Publication publishing(String topic, UUID eventId, String aggregateId, String traceparent,
            String tracestate, Headers headers) {
        Map<String, String> stored = new HashMap<>(2);
        if (traceparent != null) {
            stored.put(TRACEPARENT, traceparent);
        }
        if (tracestate != null) {
            stored.put(TRACESTATE, tracestate);
        }
        Context parent = propagator.extract(Context.root(), stored, FROM_MAP);
        Span span = tracer.spanBuilder("publish " + topic)
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(OPERATION, "publish")
                .setAttribute(DESTINATION, topic)
                .setAttribute(MESSAGE_ID, eventId.toString())
                .setAttribute(MESSAGE_KEY, aggregateId)
                .startSpan();
        propagator.inject(parent.with(span), headers, (carrier, key, value) -> {
            carrier.remove(key);
            carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
        return new Publication(span);
    }

    /**
     * Applies one record in the span {@code apply <topic>}, a child of the trace context in its headers (none: a
     * trace of its own), current while {@code handler} runs on the record's value. A failure is recorded on the
     * span and thrown on unchanged, for the channel's failure strategy. A DEBUG line (category
     * {@code org.buildwithukraine.kit.tracing}) names each record applied, with the span's ids.
     */
    public void apply(ConsumerRecord<String, String> record, Consumer<String> handler) {
        Received received = received(record);
        try {
            received.run(() -> handler.accept(record.value()));
            received.applied();
        } catch (RuntimeException e) {
            received.failed(e);
            throw e;
        }
    }

    /**
     * Starts the span {@code apply <topic>} of one record of a batch, as {@link #apply} does, for its caller to make
     * current around each piece of the record's work ({@link Received#run}) and to end once the record's fate is
     * known ({@link Received#applied}, {@link Received#failed}).
     */
    public Received received(ConsumerRecord<String, String> record) {
        Context parent = propagator.extract(Context.root(), record.headers(), FROM_HEADERS);
        var builder = tracer.spanBuilder("apply " + record.topic())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, record.topic())
                .setAttribute(PARTITION, (long) record.partition())
                .setAttribute(OFFSET, record.offset());
        String eventId = FROM_HEADERS.get(record.headers(), "event-id");
        if (eventId != null) {
            builder.setAttribute(MESSAGE_ID, eventId);
        }
        if (record.key() != null) {
            builder.setAttribute(MESSAGE_KEY, record.key());
        }
        return new Received(record, eventId, parent.with(builder.startSpan()));
    }

    /**
     * Runs what a batch of records causes together (one routing pass for all their output, say) in the span
     * {@code apply <topic>} of the batch, which links to each record's span rather than having one parent, as
     * OpenTelemetry's messaging conventions model a batch. What the work writes to its outbox continues this trace.
     */
    public void applyBatch(String topic, List<Received> records, Runnable work) {
        var builder = tracer.spanBuilder("apply " + topic)
                .setNoParent()
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, topic)
                .setAttribute(BATCH_COUNT, (long) records.size());
        records.forEach(received -> builder.addLink(Span.fromContext(received.context).getSpanContext()));
        Span span = builder.startSpan();
        try (Scope ignored = Context.root().with(span).makeCurrent()) {
            work.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }

    /** The span of one record being applied, made current piece by piece, ended once: by the first of its ends. */
    public static final class Received {

        private final ConsumerRecord<String, String> record;
        private final String eventId;
        private final Context context;
        private boolean ended;

        private Received(ConsumerRecord<String, String> record, String eventId, Context context) {
            this.record = record;
            this.eventId = eventId;
            this.context = context;
        }

        public ConsumerRecord<String, String> record() {
            return record;
        }

        /** Runs part of the record's work with its span current (logs carry its trace id, outbox rows its context). */
        public void run(Runnable work) {
            try (Scope ignored = context.makeCurrent()) {
                work.run();
            }
        }

        public void applied() {
            if (ended) {
                return;
            }
            ended = true;
            run(() -> LOG.debugf("Applied %s-%d@%d (event %s)", record.topic(), record.partition(), record.offset(),
                    eventId));
            Span.fromContext(context).end();
        }

        public void failed(Throwable failure) {
            if (ended) {
                return;
            }
            ended = true;
            Span span = Span.fromContext(context);
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getMessage());
            span.end();
        }
    }

    /** The span of one event's publication, ended by Kafka's answer. */
    public static final class Publication {

        private final Span span;

        private Publication(Span span) {
            this.span = span;
        }

        public void acknowledged() {
            span.end();
        }

        public void failed(Throwable failure) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getMessage());
            span.end();
        }
    }
}
