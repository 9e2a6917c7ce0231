package org.buildwithukraine.line.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The spans the service exports, kept in memory for the tests: a CDI exporter takes the place of OTLP
 * ({@code %test.quarkus.otel.traces.exporter=cdi} with every trace sampled in this module's test profile).
 * Bounded: the oldest go once {@value #KEPT} are held, as every test of the module records spans.
 */
@Singleton
public class RecordedSpans implements SpanExporter {

    private static final int KEPT = 20_000;

    private final Queue<SpanData> spans = new ConcurrentLinkedQueue<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> exported) {
        spans.addAll(exported);
        while (spans.size() > KEPT) {
            spans.poll();
        }
        return CompletableResultCode.ofSuccess();
    }

    public List<SpanData> ofTrace(String traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    public Optional<SpanData> named(String traceId, String name) {
        return ofTrace(traceId).stream().filter(span -> span.getName().equals(name)).findFirst();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
