package org.buildwithukraine.kit.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.buildwithukraine.kit.problem.Problem;
import org.buildwithukraine.kit.web.StreamedRoutes.Route;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The first look at every request on the HTTP port, before routing and authentication: what a service refuses
 * whatever its place in the network (the gateway refuses the same, but a service must not rely on being behind
 * it). Answers are problem+json like every other error of the service.
 * <ul>
 * <li>A path with a matrix parameter ({@code ;}), an encoded slash or semicolon, a backslash or an encoded NUL,
 * or a query with an encoded NUL: 400. The layers on a request's way (gateway, JAX-RS, the database) read such
 * paths differently, so one of them would route or store something else than the others checked.</li>
 * <li>A body larger than {@code bwu.http.max-body-size}: 413, before a byte of it is read when its length is
 * declared, as soon as the limit is passed when it is chunked; the rest is read and thrown away (up to a bound)
 * before the connection is closed, so that a client still sending it reads the 413, not a broken pipe.</li>
 * <li>A body that has not arrived in full within {@code bwu.http.body-timeout} of its headers: 408 and the
 * connection is closed, so a client trickling bytes cannot hold it open; until then no worker thread waits for
 * it. Once it has arrived, the timeout is over: the answer is the resource's, however long its work takes.</li>
 * <li>On a route the service declares streamed ({@code bwu.http.streamed-routes}), whose resource reads the body
 * as it arrives: a declared length over the route's own limit is answered 413 at once; a body that stops
 * arriving for the route's idle timeout, 408; an answer given before the body was read in full (a refusal, or the
 * resource's own 413 on a chunked body) says {@code Connection: close} and closes the connection, so that the
 * unread rest is not taken for the next request.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestGuard {

    /** Filter order is minus the priority: this runs before Quarkus's own body limit (order -2). */
    private static final int PRIORITY = 100;
    private static final long MAX_DISCARDED_BYTES = 16L * 1024 * 1024;
    private static final Pattern PATH_TRICK = Pattern.compile(";|\\\\|%2[fF]|%5[cC]|%3[bB]|%00");
    private static final String ENCODED_NUL = "%00";

    private final ObjectMapper objectMapper;
    private final long maxBodyBytes;
    private final long bodyTimeoutMillis;
    private final StreamedRoutes streamedRoutes;

    /**
     * Refuses to start when a streamed route takes more than Quarkus lets through, which would cut its bodies off
     * with a plain-text 413 before the resource could read them.
     */
    public RequestGuard(ObjectMapper objectMapper, HttpGuardConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize quarkusLimit) {
        this.objectMapper = objectMapper;
        this.maxBodyBytes = config.maxBodySize().asLongValue();
        this.bodyTimeoutMillis = config.bodyTimeout().toMillis();
        this.streamedRoutes = StreamedRoutes.of(config.streamedRoutes());
        for (Route route : streamedRoutes.routes()) {
            if (route.maxBodyBytes() > quarkusLimit.asLongValue()) {
                throw new IllegalStateException("Streamed route " + route.name() + " takes up to "
                        + route.maxBodyBytes() + " bytes, more than quarkus.http.limits.max-body-size ("
                        + quarkusLimit.asLongValue() + "): raise that above the route's limit");
            }
        }
    }

    void register(@Observes Filters filters) {
        filters.register(this::inspect, PRIORITY);
    }

    private void inspect(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        String query = request.query();
        if ((path != null && PATH_TRICK.matcher(path).find()) || (query != null && query.contains(ENCODED_NUL))) {
            answer(context, 400, "Invalid request", "The path must not contain matrix parameters (;), encoded "
                    + "slashes or semicolons, backslashes or NUL characters", false);
            return;
        }
        Optional<Route> streamed = streamedRoutes.match(request.method().name(), path == null ? "" : path);
        long limit = streamed.map(Route::maxBodyBytes).orElse(maxBodyBytes);
        long declaredLength = declaredLength(request);
        if (declaredLength > limit) {
            refuseBody(context, limit);
            return;
        }
        if (request.isEnded() || (declaredLength <= 0 && !isChunked(request))) {
            context.next();
            return;
        }
        if (streamed.isPresent()) {
            streamUnlessIdle(context, streamed.get());
            return;
        }
        // stopped the moment the body is in: the work on it may take longer (a request paused while it waits
        // for a worker or a lock is not ended in Vert.x's sense, so request.isEnded() cannot tell)
        long timer = context.vertx().setTimer(bodyTimeoutMillis, fired -> {
            if (!context.response().headWritten()) {
                answer(context, 408, "Request timeout",
                        "The request body did not arrive within " + bodyTimeoutMillis + " ms", true);
            }
        });
        context.addEndHandler(ended -> context.vertx().cancelTimer(timer));
        collectBody(context, () -> context.vertx().cancelTimer(timer));
    }

    /**
     * Reads the body here, up to the limit, and hands it to JAX-RS whole (which takes a body already read from
     * the routing context): no worker thread waits on a slow body, and a chunked body, which Quarkus does not
     * check against the limit, is cut off as soon as it passes it.
     */
    private void collectBody(RoutingContext context, Runnable arrived) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (context.response().headWritten()) {
                return;
            }
            if (body.length() + chunk.length() > maxBodyBytes) {
                refuseBody(context, maxBodyBytes);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(ended -> {
            arrived.run();
            if (!context.response().headWritten()) {
                context.setBody(body);
                context.next();
            }
        });
        request.resume();
    }

    /**
     * Leaves the body to the resource, watching how much of it has arrived: the request is answered 408 when
     * nothing more came for the route's idle timeout. A pause the service itself imposes (the resource not
     * reading while it writes what it has) counts too; it is to stay far below the timeout.
     */
    private void streamUnlessIdle(RoutingContext context, Route route) {
        HttpServerRequest request = context.request();
        long idleNanos = route.idleTimeoutMillis() * 1_000_000;
        long[] progress = { request.bytesRead(), System.nanoTime() };
        long timer = context.vertx().setPeriodic(Math.max(10, route.idleTimeoutMillis() / 4), tick -> {
            if (request.isEnded() || context.response().headWritten()) {
                context.vertx().cancelTimer(tick);
                return;
            }
            long now = System.nanoTime();
            if (request.bytesRead() != progress[0]) {
                progress[0] = request.bytesRead();
                progress[1] = now;
            } else if (now - progress[1] >= idleNanos) {
                context.vertx().cancelTimer(tick);
                answer(context, 408, "Request timeout", "The request body stopped arriving for "
                        + route.idleTimeoutMillis() + " ms", true);
            }
        });
        // said in the answer's headers too: a client that is not told takes the connection back into its pool and
        // sends its next request on a connection that is closing (the gateway would answer that request 503)
        context.addHeadersEndHandler(headers -> {
            if (!request.isEnded()) {
                context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            }
        });
        context.addEndHandler(ended -> {
            context.vertx().cancelTimer(timer);
            if (!request.isEnded()) {
                request.connection().close();
            }
        });
        context.next();
    }

    /** -1 without a Content-Length; a malformed one never gets here (the HTTP codec answers 400 itself). */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isChunked(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase().contains("chunked");
    }

    /**
     * Refuses a body over the limit. An HTTP/1.1 client goes on sending its body before it reads the answer, and a
     * connection closed on the unread rest is reset under it: it would see a broken pipe instead of the 413. So
     * the rest is read and thrown away, up to {@value #MAX_DISCARDED_BYTES} bytes and for at most the body
     * timeout, and the connection closed once it has ended.
     */
    private void refuseBody(RoutingContext context, long limit) {
        HttpServerRequest request = context.request();
        Future<Void> written = problem(context, 413, "Content too large",
                "The request body must not exceed " + limit + " bytes", true);
        if (request.isEnded()) {
            written.onComplete(done -> request.connection().close());
            return;
        }
        long timer = context.vertx().setTimer(bodyTimeoutMillis, fired -> request.connection().close());
        long[] discarded = { 0 };
        request.handler(chunk -> {
            discarded[0] += chunk.length();
            if (discarded[0] > MAX_DISCARDED_BYTES) {
                request.connection().close();
            }
        });
        request.endHandler(ended -> {
            context.vertx().cancelTimer(timer);
            written.onComplete(done -> request.connection().close());
        });
        request.resume();
    }

    /** {@code close}: the unread rest of the body must not be taken for the connection's next request. */
    private void answer(RoutingContext context, int status, String title, String detail, boolean close) {
        problem(context, status, title, detail, close).onComplete(written -> {
            if (close) {
                context.request().connection().close();
            }
        });
    }

    private Future<Void> problem(RoutingContext context, int status, String title, String detail, boolean closing) {
        HttpServerResponse response = context.response();
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (closing) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        return response.end(json(new Problem("about:blank", title, status, detail, context.request().path(),
                List.of())));
    }

    private String json(Problem problem) {
        try {
            return objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
