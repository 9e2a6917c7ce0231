package org.buildwithukraine.gateway.observability;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.gateway.config.GatewayConfig;
import org.buildwithukraine.gateway.proxy.Backends;
import org.buildwithukraine.gateway.proxy.Backends.Backend;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /api/platform/status} for the operator: each backend's readiness and outbox backlog, asked on its
 * management interface when called. A backend that cannot be asked is DOWN in the answer, never a failure of it.
 * These calls bypass the backends' circuit breakers (a probe must neither trip nor wait for one); the breaker's
 * state is reported beside them.
 */
@ApplicationScoped
public class PlatformStatus {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";
    /** No management URL is configured for the backend: the gateway cannot tell. */
    public static final String UNKNOWN = "UNKNOWN";

    private final Backends backends;
    private final HttpClient client;
    private final long timeoutMillis;
    private final String readinessPath;
    private final String metricsPath;
    private final URI runbooksUrl;

    public PlatformStatus(Vertx vertx, Backends backends, GatewayConfig config) {
        GatewayConfig.PlatformStatus settings = config.platformStatus();
        this.backends = backends;
        this.timeoutMillis = settings.timeout().toMillis();
        this.readinessPath = settings.readinessPath();
        this.metricsPath = settings.metricsPath();
        this.runbooksUrl = settings.runbooksUrl().orElse(null);
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMillis)
                .setKeepAlive(false).setName("bwu-gateway-platform-status"));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The platform now; the future never fails. */
    public Future<JsonObject> check() {
        List<Future<JsonObject>> checks = new ArrayList<>();
        // the services by name, then the regions in line id order
        backends.all().stream().sorted(Comparator.comparing(Backend::isRegion)
                .thenComparing(backend -> backend.isRegion() ? "" : backend.name()))
                .forEach(backend -> checks.add(check(backend)));
        return Future.join(checks).transform(joined -> {
            JsonArray services = new JsonArray();
            boolean allUp = true;
            for (Future<JsonObject> check : checks) {
                services.add(check.result());
                allUp &= UP.equals(check.result().getString("status"));
            }
            return Future.succeededFuture(new JsonObject()
                    .put("checkedAt", Instant.now().toString())
                    .put("status", allUp ? UP : DOWN)
                    .put("services", services)
                    .put("runbooksUrl", runbooksUrl == null ? null : runbooksUrl.toString()));
        });
    }

    private Future<JsonObject> check(Backend backend) {
        JsonObject status = new JsonObject()
                .put("name", backend.name())
                .put("kind", backend.isRegion() ? "REGION" : "SERVICE")
                .put("description", backend.description())
                .put("breaker", backend.breaker().state().name());
        if (backend.managementUrl() == null) {
            return Future.succeededFuture(status.put("status", UNKNOWN)
                    .put("detail", "No management URL is configured for the " + backend.description())
                    .put("outbox", null));
        }
        status.put("metricsUrl", address(backend, metricsPath));
        Future<JsonObject> readiness = get(backend, readinessPath).transform(asked -> Future.succeededFuture(
                asked.succeeded() ? readiness(backend, asked.result()) : unreachable(backend, asked.cause())));
        Future<JsonObject> backlog = get(backend, metricsPath).transform(asked -> Future.succeededFuture(
                asked.succeeded() && asked.result().status() == 200
                        ? OutboxBacklogReading.of(asked.result().body()).map(PlatformStatus::backlog).orElse(null)
                        : null));
        return Future.join(readiness, backlog).transform(joined -> Future.succeededFuture(
                status.mergeIn(readiness.result()).put("outbox", backlog.result())));
    }

    /** SmallRye Health answers 200 with status UP when ready, 503 with status DOWN and the failing checks else. */
    static JsonObject readiness(Backend backend, Reply reply) {
        JsonObject health;
        try {
            health = new JsonObject(reply.body());
        } catch (DecodeException | ClassCastException e) {
            return new JsonObject().put("status", DOWN)
                    .put("detail", "The " + backend.description() + " answered " + reply.status() + " without health data");
        }
        JsonArray checks = new JsonArray();
        JsonArray reported = health.getJsonArray("checks", new JsonArray());
        for (int i = 0; i < reported.size(); i++) {
            if (reported.getValue(i) instanceof JsonObject check) {
                checks.add(new JsonObject().put("name", check.getString("name")).put("status", check.getString("status")));
            }
        }
        boolean up = reply.status() == 200 && UP.equals(health.getString("status"));
        JsonObject readiness = new JsonObject().put("status", up ? UP : DOWN).put("checks", checks);
        return up ? readiness : readiness.put("detail", "The " + backend.description() + " is not ready ("
                + reply.status() + ")");
    }

    private static JsonObject unreachable(Backend backend, Throwable cause) {
        return new JsonObject().put("status", DOWN).put("checks", new JsonArray())
                .put("detail", "The " + backend.description() + " cannot be asked: " + cause.getMessage());
    }

    private static JsonObject backlog(OutboxBacklogReading reading) {
        return new JsonObject().put("pending", (long) reading.pending())
                .put("oldestPendingSeconds", reading.oldestPendingSeconds());
    }

    private Future<Reply> get(Backend backend, String path) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(address(backend, path)).setIdleTimeout(timeoutMillis)
                .setConnectTimeout(timeoutMillis);
        return client.request(options).compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Reply(response.statusCode(), body.toString())));
    }

    private static String address(Backend backend, String path) {
        String base = backend.managementUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    record Reply(int status, String body) {
    }
}
