package org.buildwithukraine.gateway.proxy;

import java.util.concurrent.TimeUnit;

import org.buildwithukraine.gateway.proxy.Backends.Backend;
import org.buildwithukraine.gateway.proxy.Forwarder.BackendFailure;
import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * A request body piped from the caller to the backend as it arrives. Back-pressure both ways: when the backend's
 * connection cannot take more, the caller is paused until it drains, so the gateway holds at most the write queue
 * of one connection, whatever the body's size. Instead of a deadline for the whole body each side may pause for the
 * idle timeout: a caller sending nothing for that long gets 408, a backend taking nothing (or not answering after
 * the last byte) 504. A body passing the upload limit gets 413. On every refusal, and when the caller breaks off,
 * the backend request is reset, so that the service sees a broken request and keeps nothing.
 */
final class StreamedUpload {

    private static final Logger LOG = Logger.getLogger(StreamedUpload.class);
    /** How often the idle timeout is checked, as a share of it: a timer per chunk would cost more than the chunk. */
    private static final int IDLE_CHECKS_PER_TIMEOUT = 10;

    private final Exchange exchange;
    private final Backend backend;
    private final HttpClientRequest toBackend;
    private final HttpServerRequest fromCaller;
    private final Forwarder forwarder;
    private final Vertx vertx;
    private final long maxBytes;
    private final long idleTimeoutMillis;

    private long received;
    private long lastProgressNanos;
    private boolean waitingForBackend;
    private boolean abandoned;
    private long idleTimer = -1;

    StreamedUpload(Exchange exchange, Backend backend, HttpClientRequest toBackend, long maxBytes,
            long idleTimeoutMillis, Forwarder forwarder) {
        this.exchange = exchange;
        this.backend = backend;
        this.toBackend = toBackend;
        this.fromCaller = exchange.request;
        this.forwarder = forwarder;
        this.vertx = exchange.context.vertx();
        this.maxBytes = maxBytes;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    void start() {
        String declaredLength = fromCaller.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declaredLength != null) {
            toBackend.putHeader(HttpHeaders.CONTENT_LENGTH, declaredLength.trim());
        } else {
            toBackend.setChunked(true);
        }
        toBackend.exceptionHandler(broken -> LOG.debugf("Upload to %s %s broken off: %s", backend.name(),
                exchange.path, broken.getMessage()));
        toBackend.response().onComplete(answered -> {
            if (abandoned) {
                return;
            }
            if (answered.failed()) {
                backend.failed("no answer to the upload " + exchange.path + ": " + answered.cause());
                refuse(BackendFailure.of(backend, answered.cause(), idleTimeoutMillis));
                return;
            }
            HttpClientResponse answer = answered.result();
            Forwarder.judge(backend, answer.statusCode());
            // an answer before the body's end (the service refusing it early) ends the upload
            if (!fromCaller.isEnded()) {
                stopIdleChecks();
                exchange.discardRestOfBody();
            }
            forwarder.relay(exchange, backend, answer);
        });
        fromCaller.exceptionHandler(broken -> abandon("the caller broke off: " + broken.getMessage()));
        fromCaller.handler(this::chunk);
        fromCaller.endHandler(ended -> {
            stopIdleChecks();
            if (!abandoned) {
                // from now on the backend's answer is awaited, for at most the idle timeout between its bytes
                toBackend.idleTimeout(idleTimeoutMillis);
                toBackend.end();
            }
        });
        lastProgressNanos = System.nanoTime();
        long checkEvery = Math.max(1, idleTimeoutMillis / IDLE_CHECKS_PER_TIMEOUT);
        idleTimer = vertx.setPeriodic(checkEvery, tick -> checkIdle());
        if ("100-continue".equalsIgnoreCase(fromCaller.getHeader(HttpHeaders.EXPECT))) {
            exchange.response.writeContinue();
        }
        fromCaller.resume();
    }

    private void chunk(Buffer chunk) {
        if (abandoned) {
            return;
        }
        received += chunk.length();
        if (received > maxBytes) {
            abandon("over the upload limit");
            exchange.refuseBody(maxBytes);
            return;
        }
        lastProgressNanos = System.nanoTime();
        toBackend.write(chunk);
        if (toBackend.writeQueueFull()) {
            fromCaller.pause();
            waitingForBackend = true;
            toBackend.drainHandler(drained -> {
                waitingForBackend = false;
                lastProgressNanos = System.nanoTime();
                if (!abandoned) {
                    fromCaller.resume();
                }
            });
        }
    }

    private void checkIdle() {
        if (abandoned || System.nanoTime() - lastProgressNanos < TimeUnit.MILLISECONDS.toNanos(idleTimeoutMillis)) {
            return;
        }
        if (waitingForBackend) {
            abandon("the backend took no bytes");
            backend.failed("it took no bytes of the upload " + exchange.path + " for " + idleTimeoutMillis + " ms");
            refuse(BackendFailure.timedOut(backend, "took no bytes of the upload for " + idleTimeoutMillis + " ms"));
        } else {
            abandon("no bytes from the caller");
            exchange.refuseUnreadBody(408, "Request timeout", "No byte of the request body arrived for "
                    + idleTimeoutMillis + " ms");
        }
    }

    /** Answers the caller with the problem; the rest of its body, if any, is not read. */
    private void refuse(BackendFailure failure) {
        if (failure.retryAfterSeconds > 0) {
            exchange.response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(failure.retryAfterSeconds));
        }
        String title = failure.status == 504 ? "Gateway timeout" : "Service unavailable";
        if (fromCaller.isEnded()) {
            exchange.problem(failure.status, title, failure.getMessage());
        } else {
            stopIdleChecks();
            exchange.refuseUnreadBody(failure.status, title, failure.getMessage());
        }
    }

    /** Gives up the backend request: reset, so that the backend sees a broken body, never a complete one. */
    private void abandon(String why) {
        if (abandoned) {
            return;
        }
        abandoned = true;
        stopIdleChecks();
        LOG.debugf("Upload of %s %s abandoned after %d bytes: %s", exchange.method(), exchange.path, received, why);
        toBackend.reset();
        // the backend did nothing wrong: its breaker hears of the outcome
        if (!waitingForBackend) {
            backend.breaker().onSuccess();
        }
    }

    private void stopIdleChecks() {
        if (idleTimer >= 0) {
            vertx.cancelTimer(idleTimer);
            idleTimer = -1;
        }
    }
}
