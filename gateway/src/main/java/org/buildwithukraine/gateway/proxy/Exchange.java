package org.buildwithukraine.gateway.proxy;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.buildwithukraine.gateway.Route;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** One request passing through the gateway, and what has been learnt about it on the way. */
final class Exchange {

    static final String REQUEST_ID = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    static final String PROBLEM_JSON = "application/problem+json";

    /** Of a refused body, at most this much is read and thrown away before the connection is cut. */
    private static final long MAX_DISCARDED_BYTES = 16L * 1024 * 1024;
    private static final int MAX_REQUEST_ID_LENGTH = 128;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final Pattern TRACEPARENT_V00 = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    /**
     * Hop-by-hop headers (RFC 9110 7.6.1) and the ones the gateway sets itself: never passed on. Content-Length is
     * recomputed for the buffered request body.
     */
    private static final String[] NOT_FORWARDED = { "Connection", "Keep-Alive", "Proxy-Connection",
            "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host",
            "Content-Length", "Expect" };
    private static final String[] HOP_BY_HOP_RESPONSE = { "Connection", "Keep-Alive", "Proxy-Connection",
            "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade" };

    final RoutingContext context;
    final HttpServerRequest request;
    final HttpServerResponse response;
    final long startedAt;
    final String requestId;
    final String path;
    final String[] segments;

    Route route;
    /** The backend that answered, for metrics; null for answers of the gateway itself. */
    String backend;
    Caller caller;
    Buffer body;
    /** Whether this request holds one of the gateway's in-flight places, and which caller's; given back at its end. */
    boolean inFlight;
    String inFlightCaller;
    /** Body bytes this request holds in memory, counted against the gateway's allowance for bodies. */
    long heldBodyBytes;
    private MultiMap outboundHeaders;
    private boolean generatedTrace;

    Exchange(RoutingContext context, long startedAt, String path, String[] segments) {
        this.context = context;
        this.request = context.request();
        this.response = context.response();
        this.startedAt = startedAt;
        this.path = path;
        this.segments = segments;
        String given = request.getHeader(REQUEST_ID);
        if (isAcceptableRequestId(given)) {
            this.requestId = given;
        } else {
            // a request id made here is the trace id of the request's span, so that logs and traces correlate
            SpanContext span = Span.current().getSpanContext();
            this.requestId = span.isValid() ? span.getTraceId() : randomHex(2);
            this.generatedTrace = true;
        }
        response.putHeader(REQUEST_ID, requestId);
    }

    String method() {
        return request.method().name();
    }

    /** Path and query as the backend receives them: the normalised path, the query unchanged. */
    String uri() {
        String query = request.query();
        return query == null ? path : path + '?' + query;
    }

    /**
     * The caller's headers minus hop-by-hop ones, with the request id, the W3C trace context of the gateway's span
     * for this request (a child of the caller's traceparent, else the start of a trace) and the X-Forwarded-* of
     * this hop. The caller's Authorization goes along: services verify again.
     */
    MultiMap outboundHeaders() {
        if (outboundHeaders != null) {
            return outboundHeaders;
        }
        MultiMap headers = HttpHeaders.headers().addAll(request.headers());
        for (String connectionOption : request.headers().getAll(HttpHeaders.CONNECTION)) {
            for (String name : connectionOption.split(",")) {
                headers.remove(name.trim());
            }
        }
        for (String name : NOT_FORWARDED) {
            headers.remove(name);
        }
        headers.set(REQUEST_ID, requestId);
        Context trace = Context.current();
        if (Span.fromContext(trace).getSpanContext().isValid()) {
            headers.remove(TRACEPARENT);
            headers.remove(TRACESTATE);
            W3CTraceContextPropagator.getInstance().inject(trace, headers, (carrier, name, value) -> carrier.set(name,
                    value));
        } else {
            // without a span (OpenTelemetry switched off here) the backend still gets a trace context of this
            // request, unsampled: only the gateway's sampler may have the platform record a trace, never a caller
            headers.set(TRACEPARENT, unsampledTraceparent(headers.get(TRACEPARENT),
                    generatedTrace ? requestId : randomHex(2), randomHex(1)));
        }
        String client = request.remoteAddress() == null ? null : request.remoteAddress().host();
        if (client != null) {
            String forwardedFor = request.getHeader("X-Forwarded-For");
            headers.set("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
        }
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
        outboundHeaders = headers;
        return headers;
    }

    /** Copies a backend's response headers to the caller, minus hop-by-hop ones. */
    void copyResponseHeaders(MultiMap backendHeaders) {
        MultiMap headers = response.headers();
        headers.addAll(backendHeaders);
        for (String connectionOption : backendHeaders.getAll(HttpHeaders.CONNECTION)) {
            for (String name : connectionOption.split(",")) {
                headers.remove(name.trim());
            }
        }
        for (String name : HOP_BY_HOP_RESPONSE) {
            headers.remove(name);
        }
        headers.set(REQUEST_ID, requestId);
    }

    boolean answered() {
        return response.ended() || response.closed();
    }

    Future<Void> problem(int status, String title, String detail) {
        return problem(status, title, detail, null);
    }

    /** Answers with an RFC 9457 problem; {@code extensions} adds members such as the regions that failed. */
    Future<Void> problem(int status, String title, String detail, JsonObject extensions) {
        if (answered()) {
            return Future.succeededFuture();
        }
        return problem(response, status, title, detail, path, extensions);
    }

    /** An RFC 9457 problem answer for requests that never became an exchange (refused before routing). */
    static Future<Void> problem(HttpServerResponse response, int status, String title, String detail,
            String instance, JsonObject extensions) {
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance);
        if (extensions != null) {
            problem.mergeIn(extensions);
        }
        return response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
                .end(problem.toBuffer());
    }

    /**
     * Refuses a request whose body is not read to its end (too slow, or no memory left for it): the answer goes
     * out and then the connection is closed, since the rest of the body would otherwise be taken for the next
     * request.
     */
    void refuseUnreadBody(int status, String title, String detail) {
        boolean http1 = request.version() != HttpVersion.HTTP_2;
        if (http1 && !answered()) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        request.handler(ignored -> {
        });
        request.endHandler(ignored -> {
        });
        problem(status, title, detail).onComplete(written -> {
            if (http1) {
                request.connection().close();
            } else {
                response.reset();
            }
        });
    }

    /**
     * Refuses a body that is too large. An HTTP/1.1 client usually goes on sending its body before it reads the
     * answer; closing at once would show it a broken pipe instead of the 413. So the rest of the body is read and
     * thrown away, up to a bound, and the connection closed once it has ended.
     */
    void refuseBody(long maxBytes) {
        boolean http1 = request.version() != HttpVersion.HTTP_2;
        if (http1 && !answered()) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        Future<Void> written = problem(413, "Payload too large", "The request body exceeds the limit of " + maxBytes
                + " bytes");
        if (!http1) {
            return;
        }
        if (request.isEnded()) {
            written.onComplete(ignored -> request.connection().close());
            return;
        }
        discardBody(ended -> request.connection().close());
    }

    /**
     * The rest of the caller's body is not wanted any more (the backend answered before its end): it is read and
     * thrown away, up to a bound, and the connection closed once both the answer and the body have ended, so that
     * the rest is not taken for a next request.
     */
    void discardRestOfBody() {
        if (request.version() == HttpVersion.HTTP_2) {
            return;
        }
        if (!answered()) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        boolean[] ended = { false, false };
        context.addEndHandler(answerEnded -> {
            ended[0] = true;
            if (ended[1]) {
                request.connection().close();
            }
        });
        discardBody(bodyEnded -> {
            ended[1] = true;
            if (ended[0]) {
                request.connection().close();
            }
        });
    }

    private void discardBody(Handler<Void> ended) {
        long[] discarded = { 0 };
        request.handler(chunk -> {
            discarded[0] += chunk.length();
            if (discarded[0] > MAX_DISCARDED_BYTES) {
                request.connection().close();
            }
        });
        request.endHandler(ended);
        request.resume();
    }

    /**
     * The caller's W3C traceparent (version 00) with its sampled flag cleared, or, when it gave none that can be
     * read, one that starts a trace of the given id under the given parent id, not sampled either.
     */
    static String unsampledTraceparent(String callers, String traceId, String parentId) {
        if (callers != null && TRACEPARENT_V00.matcher(callers).matches()) {
            return callers.substring(0, callers.length() - 2) + "00";
        }
        return "00-" + traceId + '-' + parentId + "-00";
    }

    private static boolean isAcceptableRequestId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_REQUEST_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    /** Random lower-case hex of 16 characters per long. */
    private static String randomHex(int longs) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] hex = new char[longs * 16];
        for (int l = 0; l < longs; l++) {
            long value = random.nextLong();
            for (int i = 0; i < 16; i++) {
                hex[l * 16 + i] = HEX[(int) (value >>> (60 - 4 * i)) & 0xf];
            }
        }
        return new String(hex);
    }
}
