package org.buildwithukraine.gateway.proxy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.gateway.Route;
import org.buildwithukraine.gateway.config.GatewayConfig;
import org.buildwithukraine.gateway.proxy.Backends.Backend;
import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Sends a request on to a backend within the backend's timeout, through its circuit breaker. Transport failures
 * and time-outs become {@link BackendFailure}s, which the caller sees as 503 or 504 problems.
 */
@ApplicationScoped
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);

    private final long streamIdleTimeoutMillis;
    private final long maxUploadBytes;

    public Forwarder(GatewayConfig config) {
        this.streamIdleTimeoutMillis = config.limits().streamIdleTimeout().toMillis();
        this.maxUploadBytes = config.limits().maxUploadSize().asLongValue();
    }

    /**
     * Sends the request on and streams the backend's answer to the caller as it arrives. A route that streams its
     * request body has it piped to the backend as it arrives ({@link StreamedUpload}); otherwise the body has been
     * read whole before. A streamed route's backend may pause for the stream idle timeout, not only its own.
     */
    void forward(Exchange exchange, Backend backend) {
        exchange.backend = backend.name();
        Route.Transfer transfer = exchange.route.transfer();
        if (transfer.streamsRequestBody() && !exchange.request.isEnded()) {
            streamUpload(exchange, backend);
            return;
        }
        long answerTimeout = transfer.streams() ? streamIdleTimeoutMillis : backend.timeoutMillis();
        send(exchange, backend, exchange.uri(), answerTimeout).onComplete(sent -> {
            if (sent.failed()) {
                fail(exchange, sent.cause());
                return;
            }
            relay(exchange, backend, sent.result());
        });
    }

    /**
     * Opens the backend request first, so that a backend that cannot be reached is answered 503 before the caller
     * sends a byte (its {@code Expect: 100-continue} is answered only then). Never retried: the body is gone.
     */
    private void streamUpload(Exchange exchange, Backend backend) {
        if (!backend.breaker().tryAcquire(System.nanoTime())) {
            failBeforeBody(exchange, paused(backend));
            return;
        }
        RequestOptions options = options(exchange, backend, exchange.uri()).setHeaders(HttpHeaders.headers()
                .addAll(exchange.outboundHeaders()));
        backend.client().request(options).onComplete(opened -> {
            if (opened.failed()) {
                backend.failed("no connection for an upload: " + opened.cause());
                failBeforeBody(exchange, BackendFailure.of(backend, opened.cause(), streamIdleTimeoutMillis));
                return;
            }
            new StreamedUpload(exchange, backend, opened.result(), maxUploadBytes, streamIdleTimeoutMillis, this)
                    .start();
        });
    }

    /** Passes the backend's status, headers and body on to the caller, piped with back-pressure. */
    void relay(Exchange exchange, Backend backend, HttpClientResponse answer) {
        if (exchange.answered()) {
            // the caller has gone or was answered: the rest of this answer is not wanted; the reset's own
            // exception would otherwise be logged as an error of the gateway
            answer.exceptionHandler(reset -> LOG.debugf("Answer of %s to %s %s dropped, its caller is gone",
                    backend.name(), exchange.method(), exchange.path));
            answer.request().reset();
            return;
        }
        exchange.response.setStatusCode(answer.statusCode());
        exchange.copyResponseHeaders(answer.headers());
        int status = answer.statusCode();
        boolean bodyless = status == 204 || status == 304 || exchange.request.method() == HttpMethod.HEAD;
        if (!bodyless && !answer.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            exchange.response.setChunked(true);
        }
        LOG.debugf("%s %s answered %d by %s", exchange.method(), exchange.path, status, backend.name());
        answer.pipeTo(exchange.response).onFailure(broken -> LOG.debugf("Answer of %s to %s %s broken off: %s",
                backend.name(), exchange.method(), exchange.path, broken.getMessage()));
    }

    /** Counts a backend's answer for its breaker: 502, 503 and 504 are failures of the backend. */
    static void judge(Backend backend, int status) {
        if (status == 502 || status == 503 || status == 504) {
            backend.failed("it answered " + status);
        } else {
            backend.breaker().onSuccess();
        }
    }

    /** The backend's whole answer to the caller's request for {@code uri}, for answers the gateway combines. */
    Future<Answer> call(Exchange exchange, Backend backend, String uri) {
        return send(exchange, backend, uri).compose(answer -> answer.body().map(body -> new Answer(answer.statusCode(),
                answer.getHeader(HttpHeaders.CONTENT_TYPE), body)));
    }

    /** Answers the caller with the problem a failed backend call amounts to. */
    static void fail(Exchange exchange, Throwable failure) {
        if (failure instanceof BackendFailure backendFailure) {
            if (backendFailure.retryAfterSeconds > 0) {
                exchange.response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(backendFailure.retryAfterSeconds));
            }
            exchange.problem(backendFailure.status, backendFailure.status == 504 ? "Gateway timeout"
                    : "Service unavailable", backendFailure.getMessage());
        } else {
            LOG.errorf(failure, "Unexpected failure forwarding %s %s", exchange.method(), exchange.path);
            exchange.problem(502, "Bad gateway", "The request could not be passed on; it has been logged");
        }
    }

    /** Answers a failure while the caller's body is unread: the connection is closed after the problem. */
    private static void failBeforeBody(Exchange exchange, BackendFailure failure) {
        if (failure.retryAfterSeconds > 0) {
            exchange.response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(failure.retryAfterSeconds));
        }
        exchange.refuseUnreadBody(failure.status, failure.status == 504 ? "Gateway timeout" : "Service unavailable",
                failure.getMessage());
    }

    private static Future<HttpClientResponse> send(Exchange exchange, Backend backend, String uri) {
        return send(exchange, backend, uri, backend.timeoutMillis());
    }

    private static Future<HttpClientResponse> send(Exchange exchange, Backend backend, String uri,
            long answerTimeoutMillis) {
        if (!backend.breaker().tryAcquire(System.nanoTime())) {
            return Future.failedFuture(paused(backend));
        }
        RequestOptions options = options(exchange, backend, uri).setIdleTimeout(answerTimeoutMillis);
        Buffer body = exchange.body;
        return backend.client().request(options)
                .compose(request -> body == null || body.length() == 0 && !hasBody(exchange) ? request.send()
                        : request.send(body))
                .transform(sent -> {
                    if (sent.succeeded()) {
                        judge(backend, sent.result().statusCode());
                        return Future.succeededFuture(sent.result());
                    }
                    backend.failed(exchange.method() + " " + uri + ": " + sent.cause());
                    return Future.failedFuture(BackendFailure.of(backend, sent.cause(), answerTimeoutMillis));
                });
    }

    private static RequestOptions options(Exchange exchange, Backend backend, String uri) {
        return new RequestOptions()
                .setMethod(exchange.request.method())
                .setHost(backend.host())
                .setPort(backend.port())
                .setURI(backend.basePath().isEmpty() ? uri : backend.basePath() + uri)
                .setHeaders(exchange.outboundHeaders())
                .setConnectTimeout(backend.connectTimeoutMillis());
    }

    private static BackendFailure paused(Backend backend) {
        long now = System.nanoTime();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(backend.breaker().remainingOpenNanos(now) + 999_999_999));
        return new BackendFailure(503, "Requests to the " + backend.description() + " are paused for " + seconds
                + " s after repeated failures", seconds);
    }

    /** A POST, PUT or PATCH with an empty body still says so (Content-Length: 0). */
    private static boolean hasBody(Exchange exchange) {
        return exchange.request.getHeader(HttpHeaders.CONTENT_LENGTH) != null
                || exchange.request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** A backend's complete answer. */
    record Answer(int status, String contentType, Buffer body) {
    }

    /** A backend that could not be asked or did not answer in time. */
    static final class BackendFailure extends RuntimeException {
        final int status;
        final long retryAfterSeconds;

        BackendFailure(int status, String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        static BackendFailure of(Backend backend, Throwable cause, long timeoutMillis) {
            if (cause instanceof TimeoutException) {
                return timedOut(backend, "did not answer within " + timeoutMillis + " ms");
            }
            LOG.debugf("%s unreachable: %s", backend.name(), cause);
            return new BackendFailure(503, "The " + backend.description() + " cannot be reached right now", 1);
        }

        static BackendFailure timedOut(Backend backend, String what) {
            return new BackendFailure(504, "The " + backend.description() + " " + what, 0);
        }
    }
}
