package org.buildwithukraine.gateway.proxy;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.gateway.InFlight;
import org.buildwithukraine.gateway.PathPattern;
import org.buildwithukraine.gateway.Route;
import org.buildwithukraine.gateway.RouteTable;
import org.buildwithukraine.gateway.config.GatewayConfig;
import org.buildwithukraine.gateway.deadletters.DeadLetterDesk;
import org.buildwithukraine.gateway.deadletters.DeadLetterProblem;
import org.buildwithukraine.gateway.observability.PlatformStatus;
import org.buildwithukraine.gateway.observability.RouteMetrics;
import org.buildwithukraine.gateway.proxy.Backends.Backend;
import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Every request under /api: body size, token, rate limit, route, role, then on to the backend. Each refusal is an
 * RFC 9457 problem. Nothing here blocks; a caller whose token was verified before costs a cache look-up.
 */
@ApplicationScoped
public class ApiHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(ApiHandler.class);
    private static final String BEARER = "Bearer ";

    private final RouteTable table = RouteTable.API;
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Backends backends;
    private final Forwarder forwarder;
    private final AllRegions allRegions;
    private final RouteMetrics metrics;
    private final PlatformStatus platformStatus;
    private final DeadLetterDesk deadLetters;
    private final InFlight inFlight;
    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final long bodyReadTimeoutMillis;
    private final String factoryClaim;

    public ApiHandler(Authenticator authenticator, RateLimiter rateLimiter, Backends backends, Forwarder forwarder,
            AllRegions allRegions, RouteMetrics metrics, PlatformStatus platformStatus, DeadLetterDesk deadLetters,
            InFlight inFlight, GatewayConfig config) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.backends = backends;
        this.forwarder = forwarder;
        this.allRegions = allRegions;
        this.metrics = metrics;
        this.platformStatus = platformStatus;
        this.deadLetters = deadLetters;
        this.inFlight = inFlight;
        this.maxBodyBytes = config.limits().maxBodySize().asLongValue();
        this.maxUploadBytes = config.limits().maxUploadSize().asLongValue();
        this.bodyReadTimeoutMillis = config.limits().bodyReadTimeout().toMillis();
        this.factoryClaim = config.factoryClaim();
    }

    @Override
    public void handle(RoutingContext context) {
        long startedAt = System.nanoTime();
        // the body is read (or refused) only once the caller is known to be allowed
        context.request().pause();
        String path = context.normalizedPath();
        String[] segments = PathPattern.split(path);
        Exchange exchange = new Exchange(context, startedAt, path, segments);
        context.addEndHandler(ended -> {
            metrics.record(exchange.route, exchange.method(), exchange.backend, exchange.response.getStatusCode(),
                    System.nanoTime() - startedAt);
            release(exchange);
        });
        exchange.route = table.find(exchange.method(), segments);

        if (!inFlight.enter()) {
            exchange.response.putHeader(HttpHeaders.RETRY_AFTER, "1");
            exchange.problem(503, "Service unavailable", "The gateway is handling as many requests as it may; retry shortly");
            return;
        }
        exchange.inFlight = true;

        long maxBytes = maxBodyBytes(exchange.route);
        if (declaredBodyTooLarge(exchange, maxBytes)) {
            exchange.refuseBody(maxBytes);
            return;
        }
        String token = bearerToken(exchange);
        if (token == null) {
            unauthorized(exchange, "A bearer token is required");
            return;
        }
        Caller caller = authenticator.cached(token);
        if (caller != null) {
            authenticated(exchange, caller);
            return;
        }
        Context requestContext = Vertx.currentContext();
        authenticator.verify(context, token).subscribe().with(
                verified -> onContext(requestContext, () -> authenticated(exchange, verified)),
                failure -> onContext(requestContext, () -> notVerified(exchange, failure)));
    }

    private void authenticated(Exchange exchange, Caller caller) {
        exchange.caller = caller;
        long waitNanos = rateLimiter.delay(caller);
        if (waitNanos > 0) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999));
            exchange.response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            exchange.problem(429, "Too many requests", "Request rate limit reached; retry in " + seconds + " s");
            return;
        }
        if (!inFlight.enterCaller(caller.rateLimitKey())) {
            exchange.response.putHeader(HttpHeaders.RETRY_AFTER, "1");
            exchange.problem(429, "Too many requests", "You have as many requests under way as one caller may; "
                    + "retry when one has been answered");
            return;
        }
        exchange.inFlightCaller = caller.rateLimitKey();
        Route route = exchange.route;
        if (route == null) {
            unknownRoute(exchange);
            return;
        }
        if (!route.admits(caller.roles())) {
            exchange.problem(403, "Forbidden", "Your role does not allow " + exchange.method() + " " + exchange.path);
            return;
        }
        switch (route.target().kind()) {
            case SERVICE -> {
                Backend service = backends.service(route.target().service());
                if (route.transfer().streamsRequestBody()) {
                    // piped as it arrives, never read whole here
                    forwarder.forward(exchange, service);
                } else {
                    withBody(exchange, () -> forwarder.forward(exchange, service));
                }
            }
            case LINE_REGION -> {
                String lineId = exchange.segments[route.lineIdSegment()];
                Backend region = backends.regionOfLine(lineId);
                if (region == null) {
                    exchange.problem(404, "Not found", "No region serves line ids like " + lineId);
                    return;
                }
                withBody(exchange, () -> forwarder.forward(exchange, region));
            }
            case REGION -> {
                String code = exchange.segments[route.regionSegment()];
                Backend region = backends.region(code);
                if (region == null) {
                    exchange.problem(404, "Not found", "No region " + code + " is served here");
                    return;
                }
                withBody(exchange, () -> forwarder.forward(exchange, region));
            }
            case ALL_REGIONS -> withBody(exchange, () -> allRegions.listLines(exchange));
            case GATEWAY -> answerItself(exchange, route);
        }
    }

    private void answerItself(Exchange exchange, Route route) {
        switch (route.target().service()) {
            case RouteTable.PLATFORM_STATUS -> platformStatus(exchange);
            case RouteTable.DEAD_LETTER_TOPICS -> answer(exchange, deadLetters.topics());
            case RouteTable.DEAD_LETTERS -> answer(exchange, deadLetters.records(segment(exchange, route, "topic"),
                    exchange.request.getParam("page"), exchange.request.getParam("size")));
            case RouteTable.DEAD_LETTER_REDRIVE -> withBody(exchange, () -> answer(exchange, deadLetters.redrive(
                    segment(exchange, route, "topic"), segment(exchange, route, "partition"),
                    segment(exchange, route, "offset"), operatorName(exchange.caller))));
            default -> me(exchange);
        }
    }

    private static String segment(Exchange exchange, Route route, String variable) {
        return exchange.segments[route.path().indexOf(variable)];
    }

    /** Who is recorded as having acted: the token's user name, else its subject. */
    private static String operatorName(Caller caller) {
        return caller.username() != null ? caller.username() : caller.subject();
    }

    /** A JSON answer of the gateway itself, or the problem it was refused with. */
    private static void answer(Exchange exchange, Future<JsonObject> answering) {
        exchange.backend = "dead-letters";
        answering.onComplete(done -> {
            if (exchange.answered()) {
                return;
            }
            if (done.succeeded()) {
                exchange.response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(done.result().toBuffer());
                return;
            }
            if (done.cause() instanceof DeadLetterProblem problem) {
                if (problem.retryAfterSeconds() > 0) {
                    exchange.response.putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(problem.retryAfterSeconds()));
                }
                JsonObject extensions = null;
                if (!problem.errors().isEmpty()) {
                    JsonArray errors = new JsonArray();
                    problem.errors().forEach(e -> errors.add(new JsonObject().put("field", e.field())
                            .put("message", e.message())));
                    extensions = new JsonObject().put("errors", errors);
                }
                exchange.problem(problem.status(), problem.title(), problem.detail(), extensions);
                return;
            }
            LOG.errorf(done.cause(), "Answer of %s %s failed", exchange.method(), exchange.path);
            exchange.problem(500, "Internal server error", "The gateway could not answer; see its log");
        });
    }

    private void notVerified(Exchange exchange, Throwable failure) {
        if (failure instanceof AuthenticationFailedException) {
            unauthorized(exchange, "The bearer token is not valid (signature, issuer, audience or expiry)");
            return;
        }
        // keys not fetched yet and Keycloak unreachable: the caller may be fine, the gateway cannot tell now
        LOG.warnf("Token not verifiable, identity provider unreachable: %s", failure.toString());
        exchange.response.putHeader(HttpHeaders.RETRY_AFTER, "5");
        exchange.problem(503, "Service unavailable", "Tokens cannot be verified right now; retry shortly");
    }

    private static void unauthorized(Exchange exchange, String detail) {
        exchange.response.putHeader("WWW-Authenticate", "Bearer");
        exchange.problem(401, "Unauthorized", detail);
    }

    private void unknownRoute(Exchange exchange) {
        Set<String> allowed = table.allowedMethods(exchange.segments);
        if (allowed.isEmpty()) {
            exchange.problem(404, "Not found", "No API at " + exchange.path);
        } else {
            exchange.response.putHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
            exchange.problem(405, "Method not allowed", exchange.method() + " is not supported on " + exchange.path);
        }
    }

    /** Who the gateway takes the caller to be: handy for clients and for checking a realm's tokens. */
    private void me(Exchange exchange) {
        Caller caller = exchange.caller;
        JsonObject me = new JsonObject()
                .put("subject", caller.subject())
                .put("username", caller.username())
                .put("clientId", caller.clientId())
                .put("roles", new JsonArray(new TreeSet<>(caller.roles()).stream().toList()))
                .put(factoryClaim, caller.factoryClaim() == null ? null : Json.decodeValue(caller.factoryClaim()));
        exchange.response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(me.toBuffer());
    }

    /** Each backend's readiness and backlog; a backend that is down is part of the answer, never a failure. */
    private void platformStatus(Exchange exchange) {
        exchange.backend = "platform-status";
        platformStatus.check().onComplete(checked -> {
            if (!exchange.answered()) {
                exchange.response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(checked.result().toBuffer());
            }
        });
    }

    /** The route's body limit: the upload limit where the body is streamed, else the limit for bodies read whole. */
    private long maxBodyBytes(Route route) {
        return route != null && route.transfer().streamsRequestBody() ? maxUploadBytes : maxBodyBytes;
    }

    private static boolean declaredBodyTooLarge(Exchange exchange, long maxBytes) {
        String length = exchange.request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * Reads the whole body and then goes on. Memory is taken as bytes arrive, never for a declared length: a
     * caller that declares a megabyte and sends a kilobyte holds a kilobyte. The body must arrive within the read
     * timeout (else 408), stay within the size limit (else 413) and fit the gateway's allowance for all bodies
     * held at once (else 503).
     */
    private void withBody(Exchange exchange, Runnable next) {
        var request = exchange.request;
        if (request.isEnded()) {
            next.run();
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            exchange.response.writeContinue();
        }
        Buffer body = Buffer.buffer();
        boolean[] refused = { false };
        long deadline = exchange.context.vertx().setTimer(bodyReadTimeoutMillis, fired -> {
            refused[0] = true;
            exchange.refuseUnreadBody(408, "Request timeout", "The request body did not arrive within "
                    + bodyReadTimeoutMillis + " ms");
        });
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBodyBytes) {
                refused[0] = true;
                exchange.context.vertx().cancelTimer(deadline);
                exchange.refuseBody(maxBodyBytes);
                return;
            }
            if (!inFlight.reserveBody(chunk.length())) {
                refused[0] = true;
                exchange.context.vertx().cancelTimer(deadline);
                exchange.response.putHeader(HttpHeaders.RETRY_AFTER, "1");
                exchange.refuseUnreadBody(503, "Service unavailable",
                        "The gateway holds as many request bodies as it may; retry shortly");
                return;
            }
            exchange.heldBodyBytes += chunk.length();
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(broken -> LOG.debugf("Request body of %s broken off: %s", exchange.path,
                broken.getMessage()));
        request.endHandler(ended -> {
            exchange.context.vertx().cancelTimer(deadline);
            if (!refused[0]) {
                exchange.body = body;
                next.run();
            }
        });
        request.resume();
    }

    /** Gives back what the request held of the gateway's in-flight limits, once it has been answered or broken off. */
    private void release(Exchange exchange) {
        if (exchange.inFlight) {
            exchange.inFlight = false;
            inFlight.leave();
        }
        if (exchange.inFlightCaller != null) {
            inFlight.leaveCaller(exchange.inFlightCaller);
            exchange.inFlightCaller = null;
        }
        if (exchange.heldBodyBytes > 0) {
            inFlight.releaseBody(exchange.heldBodyBytes);
            exchange.heldBodyBytes = 0;
        }
    }

    private static String bearerToken(Exchange exchange) {
        String authorization = exchange.request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }
}
