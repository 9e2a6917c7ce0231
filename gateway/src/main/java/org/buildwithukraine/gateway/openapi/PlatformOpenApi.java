package org.buildwithukraine.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.gateway.RouteTable;
import org.buildwithukraine.gateway.config.GatewayConfig;
import org.buildwithukraine.gateway.proxy.Backends;
import org.buildwithukraine.gateway.proxy.Backends.Backend;
import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /q/openapi}: one OpenAPI document for the whole platform, merged from the services' own documents at
 * run time, so that it always shows what the running services offer. The merged document is cached: it is
 * rebuilt in the background after {@code refresh-after} (sooner while a service's document is missing), and
 * callers get the cached one meanwhile. The regions run the same code, so the first region that answers
 * documents the line API.
 */
@ApplicationScoped
public class PlatformOpenApi implements Handler<RoutingContext> {

    public static final String PATH = "/q/openapi";
    private static final Logger LOG = Logger.getLogger(PlatformOpenApi.class);

    private final Backends backends;
    private final GatewayConfig.OpenApi config;
    private final OpenApiMerger merger = new OpenApiMerger(RouteTable.API);
    private final JsonObject gatewayDocument = readGatewayDocument();

    private volatile Document current;
    private Future<Document> rebuilding;

    public PlatformOpenApi(Backends backends, GatewayConfig config) {
        this.backends = backends;
        this.config = config.openapi();
    }

    @Override
    public void handle(RoutingContext context) {
        Document document = current;
        if (document == null) {
            rebuild().onComplete(built -> send(context, built.succeeded() ? built.result() : null));
            return;
        }
        if (System.nanoTime() - document.freshUntil > 0) {
            rebuild();
        }
        send(context, document);
    }

    private static void send(RoutingContext context, Document document) {
        if (document == null) {
            context.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .end(new JsonObject().put("type", "about:blank").put("title", "Service unavailable")
                            .put("status", 503).put("detail", "The platform's OpenAPI document could not be built")
                            .put("instance", PATH).toBuffer());
            return;
        }
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(document.json);
    }

    private synchronized Future<Document> rebuild() {
        if (rebuilding == null) {
            rebuilding = build().onComplete(built -> {
                synchronized (this) {
                    rebuilding = null;
                }
                if (built.succeeded()) {
                    current = built.result();
                } else {
                    LOG.warn("The platform's OpenAPI document could not be built", built.cause());
                }
            });
        }
        return rebuilding;
    }

    private Future<Document> build() {
        Map<String, Future<JsonObject>> fetches = new LinkedHashMap<>();
        for (String service : List.of(RouteTable.FACTORY, RouteTable.LICENCE, RouteTable.ROUTING)) {
            fetches.put(service, fetch(backends.service(service)));
        }
        fetches.put("lines", firstAnswer(backends.regions(), 0));
        return Future.join(new ArrayList<>(fetches.values())).transform(ignored -> {
            Map<String, JsonObject> documents = new LinkedHashMap<>();
            documents.put("gateway", gatewayDocument);
            List<String> missing = new ArrayList<>();
            fetches.forEach((service, fetch) -> {
                if (fetch.succeeded()) {
                    documents.put(service, fetch.result());
                } else {
                    missing.add(service);
                    LOG.debugf("OpenAPI document of %s unavailable: %s", service, fetch.cause().getMessage());
                }
            });
            long keepFor = (missing.isEmpty() ? config.refreshAfter() : config.retryAfter()).toNanos();
            Buffer json = merger.merge(documents, missing).toBuffer();
            return Future.succeededFuture(new Document(json, System.nanoTime() + keepFor));
        });
    }

    private Future<JsonObject> firstAnswer(List<Backend> regions, int index) {
        return fetch(regions.get(index)).recover(failure -> index + 1 < regions.size()
                ? firstAnswer(regions, index + 1)
                : Future.failedFuture(failure));
    }

    private Future<JsonObject> fetch(Backend backend) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(backend.host())
                .setPort(backend.port())
                .setURI(backend.basePath() + config.backendPath())
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .setConnectTimeout(backend.connectTimeoutMillis())
                .setIdleTimeout(backend.timeoutMillis());
        return backend.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("answered " + response.statusCode()))
                .map(JsonObject::new);
    }

    private static JsonObject readGatewayDocument() {
        try (InputStream in = PlatformOpenApi.class.getResourceAsStream("/openapi/gateway.json")) {
            return new JsonObject(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Document(Buffer json, long freshUntil) {
    }
}
