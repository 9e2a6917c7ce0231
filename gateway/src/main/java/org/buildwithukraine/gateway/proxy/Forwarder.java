package org.buildwithukraine.gateway.proxy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

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

    /** Streams the backend's answer to the caller as it arrives. */
    void forward(Exchange exchange, Backend backend) {
        exchange.backend = backend.name();
        send(exchange, backend, exchange.uri()).onComplete(sent -> {
            if (sent.failed()) {
                fail(exchange, sent.cause());
                return;
            }
            HttpClientResponse answer = sent.result();
            if (exchange.answered()) {
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
            answer.pipeTo(exchange.response).onFailure(broken -> LOG.debugf("Answer of %s to %s %s broken off: %s",
                    backend.name(), exchange.method(), exchange.path, broken.getMessage()));
        });
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

    private static Future<HttpClientResponse> send(Exchange exchange, Backend backend, String uri) {
        long now = System.nanoTime();
        if (!backend.breaker().tryAcquire(now)) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(backend.breaker().remainingOpenNanos(now) + 999_999_999));
            return Future.failedFuture(new BackendFailure(503, "Requests to the " + backend.description()
                    + " are paused for " + seconds + " s after repeated failures", seconds));
        }
        RequestOptions options = new RequestOptions()
                .setMethod(exchange.request.method())
                .setHost(backend.host())
                .setPort(backend.port())
                .setURI(backend.basePath().isEmpty() ? uri : backend.basePath() + uri)
                .setHeaders(exchange.outboundHeaders())
                .setConnectTimeout(backend.connectTimeoutMillis())
                .setIdleTimeout(backend.timeoutMillis());
        Buffer body = exchange.body;
        return backend.client().request(options)
                .compose(request -> body == null || body.length() == 0 && !hasBody(exchange) ? request.send()
                        : request.send(body))
                .transform(sent -> {
                    if (sent.succeeded()) {
                        int status = sent.result().statusCode();
                        if (status == 502 || status == 503 || status == 504) {
                            backend.breaker().onFailure(System.nanoTime());
                        } else {
                            backend.breaker().onSuccess();
                        }
                        return Future.succeededFuture(sent.result());
                    }
                    backend.breaker().onFailure(System.nanoTime());
                    return Future.failedFuture(BackendFailure.of(backend, sent.cause()));
                });
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

        static BackendFailure of(Backend backend, Throwable cause) {
            if (cause instanceof TimeoutException) {
                return new BackendFailure(504, "The " + backend.description() + " did not answer within "
                        + backend.timeoutMillis() + " ms", 0);
            }
            LOG.debugf("%s unreachable: %s", backend.name(), cause);
            return new BackendFailure(503, "The " + backend.description() + " cannot be reached right now", 1);
        }
    }
}
