package org.buildwithukraine.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Small HTTP servers standing in for the services behind the gateway, on free ports: factory, licence, routing
 * and the production-line regions de and uk. Each echoes what reached it (and remembers it), answers
 * {@code GET /api/lines} with a page of its region's lines (de: 5, uk: 3) and {@code /q/openapi} with a small document,
 * serves its own management interface ({@code /q/health/ready} UP, {@code /q/metrics} with the outbox gauges), and can be made
 * slow, failing, holding its answers or unreachable by a test. Technical data files ({@code .../files/{name}}) it
 * streams like the licence service: an upload is hashed as it arrives (never held) and remembered as complete or broken off, a download is
 * served from a {@link TestFile} with back-pressure.
 */
public class StubBackends implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SERVICES = List.of("factory", "licence", "routing");
    public static final List<String> REGIONS = List.of("de", "uk");
    /**
     * The one backend the gateway waits 30 s for, so that a test can hold requests there ({@link Stub#hold()}) for
     * as long as it looks at them; the others time out as the test configuration says (500 ms).
     */
    public static final String PATIENT = "uk";

    private static final long MAX_PAGED_ROWS = 100_000;
    /** The outbox backlog each stub's metrics show. */
    public static final Map<String, Integer> OUTBOX_PENDING = Map.of("factory", 0, "licence", 2, "routing", 0,
            "de", 7, "uk", 0);
    private static final Map<String, Stub> STUBS = new ConcurrentHashMap<>();
    private static Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            Stub stub = new Stub(service, freePort());
            stub.listen();
            STUBS.put(service, stub);
            config.put("bwu.gateway.services." + service + ".url", "http://localhost:" + stub.port);
            config.put("bwu.gateway.services." + service + ".management-url", "http://localhost:" + stub.port);
        }
        for (String region : REGIONS) {
            Stub stub = new Stub(region, freePort());
            stub.listen();
            STUBS.put(region, stub);
            config.put("bwu.gateway.regions." + region + ".url", "http://localhost:" + stub.port);
            config.put("bwu.gateway.regions." + region + ".management-url", "http://localhost:" + stub.port);
        }
        config.put("bwu.gateway.regions." + PATIENT + ".timeout", "30s");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            vertx = null;
        }
        STUBS.clear();
    }

    public static Stub stub(String name) {
        return STUBS.get(name);
    }

    /** Every stub back to normal, listening and answering at once, with its memory cleared. */
    public static void resetAll() {
        STUBS.values().forEach(Stub::reset);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a stub received. */
    public record Received(String method, String uri, MultiMap headers, String body) {
    }

    /** A file upload a stub received: its size and SHA-256 (hex) as far as it came, and whether it was complete. */
    public record Upload(String uri, MultiMap headers, long bytes, String sha256, boolean complete) {
    }

    public static final class Stub {
        private final String name;
        private final int port;
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final List<Upload> uploads = new CopyOnWriteArrayList<>();
        private volatile TestFile download;
        private volatile boolean declareDownloadLength;
        private volatile String lastDownloadId;
        private volatile long holdUploadsAfter = -1;
        private volatile int refuseUploadsWith;
        private volatile Runnable releaseHeldUpload;
        private volatile HttpServer server;
        private volatile long delayMillis;
        private volatile int failWith;
        private boolean holding;
        private final List<Runnable> heldAnswers = new ArrayList<>();

        Stub(String name, int port) {
            this.name = name;
            this.port = port;
        }

        public List<Received> received() {
            return received;
        }

        public Received last() {
            return received.get(received.size() - 1);
        }

        public List<Upload> uploads() {
            return uploads;
        }

        /** Serves this file for every download, with a Content-Length or chunked. */
        public void serve(TestFile file, boolean declareLength) {
            this.download = file;
            this.declareDownloadLength = declareLength;
        }

        /** Answers uploads with this status as soon as their headers arrive, reading none of the body. */
        public void refuseUploadsWith(int status) {
            this.refuseUploadsWith = status;
        }

        /** The X-Download-Id of the last download served. */
        public String lastDownloadId() {
            return lastDownloadId;
        }

        /** Stops reading an upload once this many bytes have arrived, until {@link #releaseHeldUpload()}. */
        public void holdUploadsAfter(long bytes) {
            this.holdUploadsAfter = bytes;
        }

        /** Whether an upload is being held. */
        public boolean holdingUpload() {
            return releaseHeldUpload != null;
        }

        public void releaseHeldUpload() {
            Runnable release = releaseHeldUpload;
            releaseHeldUpload = null;
            holdUploadsAfter = -1;
            if (release != null) {
                release.run();
            }
        }

        /** Answers only after this delay. */
        public void slow(long millis) {
            this.delayMillis = millis;
        }

        /** Answers every request with this status (e.g. 503). */
        public void failWith(int status) {
            this.failWith = status;
        }

        /**
         * Leaves every API request (under /api; not its management interface) it receives unanswered, no byte of an
         * answer, until {@link #releaseHeld()}.
         */
        public synchronized void hold() {
            holding = true;
        }

        /** The requests received and left unanswered since {@link #hold()}. */
        public synchronized int heldRequests() {
            return heldAnswers.size();
        }

        /** Answers the held requests, as the stub is set now (e.g. failing), and answers the next ones at once. */
        public void releaseHeld() {
            List<Runnable> answers;
            synchronized (this) {
                holding = false;
                answers = List.copyOf(heldAnswers);
                heldAnswers.clear();
            }
            answers.forEach(Runnable::run);
        }

        private synchronized boolean heldBack(Runnable answer) {
            if (holding) {
                heldAnswers.add(answer);
            }
            return holding;
        }

        /** Stops listening: connections are refused. */
        public synchronized void down() {
            if (server != null) {
                await(server.close());
                server = null;
            }
        }

        public synchronized void up() {
            if (server == null) {
                listen();
            }
        }

        void reset() {
            delayMillis = 0;
            failWith = 0;
            received.clear();
            uploads.clear();
            download = null;
            lastDownloadId = null;
            refuseUploadsWith = 0;
            releaseHeldUpload();
            releaseHeld();
            up();
        }

        synchronized void listen() {
            server = await(vertx.createHttpServer().requestHandler(this::handle).listen(port));
        }

        private void handle(HttpServerRequest request) {
            if (request.path().contains("/files/") && request.method() == HttpMethod.PUT) {
                upload(request);
                return;
            }
            if (request.path().contains("/files/") && request.method() == HttpMethod.GET) {
                download(request);
                return;
            }
            request.body().onSuccess(body -> {
                received.add(new Received(request.method().name(), request.uri(),
                        MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), body.toString()));
                io.vertx.core.Context context = Vertx.currentContext();
                if (request.path().startsWith("/api/")
                        && heldBack(() -> context.runOnContext(released -> answer(request, body.toString())))) {
                    return;
                }
                if (delayMillis > 0) {
                    vertx.setTimer(delayMillis, t -> answer(request, body.toString()));
                } else {
                    answer(request, body.toString());
                }
            });
        }

        private void answer(HttpServerRequest request, String body) {
            var response = request.response();
            if (response.closed()) {
                return;
            }
            if (failWith > 0) {
                if (failWith == 503) {
                    // as a service answers while its database is down
                    response.putHeader(HttpHeaders.RETRY_AFTER, "5");
                }
                response.setStatusCode(failWith).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .end(new JsonObject().put("status", failWith).put("title", "stub failure").encode());
                return;
            }
            // hop-by-hop headers the gateway must not pass on to its caller
            response.putHeader("Connection", "X-Stub-Hop").putHeader("X-Stub-Hop", "hop")
                    .putHeader("Keep-Alive", "timeout=30").putHeader("X-Stub-Backend", name);
            if (pagedTooFar(request)) {
                response.setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .end(new JsonObject().put("status", 400).put("title", "Bad request")
                                .put("errors", new JsonArray().add(new JsonObject().put("field", "page")))
                                .encode());
            } else if (request.method().name().equals("DELETE")) {
                response.setStatusCode(204).end();
            } else if (request.path().equals("/q/health/ready")) {
                response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(new JsonObject()
                        .put("status", "UP").put("checks", new JsonArray().add(new JsonObject()
                                .put("name", "Database connections health check").put("status", "UP")))
                        .encode());
            } else if (request.path().equals("/q/metrics")) {
                response.putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4").end(metrics());
            } else if (request.path().equals("/q/openapi")) {
                response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(openApi().encode());
            } else if (request.path().equals("/api/lines") && REGIONS.contains(name)) {
                response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(lines(request).encode());
            } else {
                response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(new JsonObject()
                        .put("backend", name)
                        .put("method", request.method().name())
                        .put("uri", request.uri())
                        .put("bodyLength", body.length())
                        .encode());
            }
        }

        private void upload(HttpServerRequest request) {
            if (refuseUploadsWith > 0) {
                request.response().setStatusCode(refuseUploadsWith)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .end(new JsonObject().put("status", refuseUploadsWith).put("title", "refused").encode());
                return;
            }
            MessageDigest sha256 = TestFile.sha256();
            long[] bytes = { 0 };
            boolean[] recorded = { false };
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
            io.vertx.core.Context context = Vertx.currentContext();
            request.handler(chunk -> {
                sha256.update(chunk.getBytes());
                bytes[0] += chunk.length();
                long holdAfter = holdUploadsAfter;
                if (holdAfter >= 0 && bytes[0] >= holdAfter && releaseHeldUpload == null) {
                    request.pause();
                    releaseHeldUpload = () -> context.runOnContext(resume -> request.resume());
                }
            });
            Handler<Object> brokenOff = broken -> {
                if (!recorded[0]) {
                    recorded[0] = true;
                    uploads.add(new Upload(request.uri(), headers, bytes[0], null, false));
                }
            };
            request.exceptionHandler(brokenOff::handle);
            // a held (paused) request hears of its reset only through its connection
            request.response().closeHandler(brokenOff::handle);
            request.endHandler(ended -> {
                recorded[0] = true;
                String hex = HexFormat.of().formatHex(sha256.digest());
                uploads.add(new Upload(request.uri(), headers, bytes[0], hex, true));
                request.response().setStatusCode(201).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(new JsonObject().put("name", request.path().substring(request.path().lastIndexOf('/') + 1))
                                .put("size", bytes[0]).put("sha256", hex).encode());
            });
        }

        /** Writes the file as fast as the connection takes it, and no faster. */
        private void download(HttpServerRequest request) {
            TestFile file = download;
            var response = request.response();
            if (file == null) {
                response.setStatusCode(404).end();
                return;
            }
            String downloadId = UUID.randomUUID().toString();
            lastDownloadId = downloadId;
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/octet-stream")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + file.name() + "\"")
                    .putHeader("Content-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(file.digest()) + ":")
                    .putHeader("X-Download-Id", downloadId);
            if (declareDownloadLength) {
                response.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(file.size()));
            } else {
                response.setChunked(true);
            }
            writeFrom(response, file, new long[] { 0 });
        }

        private static void writeFrom(io.vertx.core.http.HttpServerResponse response, TestFile file, long[] offset) {
            while (offset[0] < file.size() && !response.writeQueueFull()) {
                byte[] chunk = file.chunk(offset[0], 64 * 1024);
                offset[0] += chunk.length;
                response.write(Buffer.buffer(chunk));
            }
            if (offset[0] >= file.size()) {
                response.end();
            } else {
                response.drainHandler(drained -> writeFrom(response, file, offset));
            }
        }

        /** Like the services, which bound page × size and answer 400 naming the field beyond it. */
        /** The service kit's outbox backlog gauges, as Micrometer's Prometheus registry writes them. */
        private String metrics() {
            return "# HELP bwu_outbox_pending Outbox events committed but not yet published to Kafka\n"
                    + "# TYPE bwu_outbox_pending gauge\n"
                    + "bwu_outbox_pending " + OUTBOX_PENDING.get(name) + ".0\n"
                    + "# TYPE bwu_outbox_oldest_pending_seconds gauge\n"
                    + "bwu_outbox_oldest_pending_seconds 1.5\n";
        }

        private static boolean pagedTooFar(HttpServerRequest request) {
            try {
                return Long.parseLong(request.getParam("page", "0")) * Long.parseLong(request.getParam("size", "20"))
                        > MAX_PAGED_ROWS;
            } catch (NumberFormatException e) {
                return true;
            }
        }

        /** Like production-line-service: the region's lines by id, filtered by factory, one page of them. */
        private JsonObject lines(HttpServerRequest request) {
            int lines = name.equals("de") ? 5 : 3;
            String factory = name.equals("de") ? "de-munich" : "uk-bristol";
            String wanted = request.getParam("factoryId");
            int page = Integer.parseInt(request.getParam("page", "0"));
            int size = Integer.parseInt(request.getParam("size", "20"));
            JsonArray all = new JsonArray();
            for (int i = 1; i <= lines && (wanted == null || wanted.equals(factory)); i++) {
                all.add(new JsonObject().put("id", String.format("%s-%s-%02d", name.toUpperCase(),
                        name.equals("de") ? "MUC" : "BRS", i)).put("factoryId", factory));
            }
            JsonArray items = new JsonArray();
            for (int i = page * size; i < Math.min(all.size(), (page + 1) * size); i++) {
                items.add(all.getValue(i));
            }
            return new JsonObject().put("items", items).put("page", page).put("size", size).put("total", all.size());
        }

        /** A document per service; factory and licence both define a different "Problem", as services might. */
        private JsonObject openApi() {
            String path = switch (name) {
                case "factory" -> "/api/factories";
                case "licence" -> "/api/licences";
                case "routing" -> "/api/orders";
                default -> "/api/lines/{lineId}";
            };
            JsonObject problem = new JsonObject().put("type", "object").put("description", "problem of " + name);
            return new JsonObject()
                    .put("openapi", "3.1.0")
                    .put("info", new JsonObject().put("title", name).put("version", "1"))
                    .put("tags", new JsonArray().add(new JsonObject().put("name", name)))
                    .put("paths", new JsonObject()
                            .put(path, new JsonObject().put("get", new JsonObject()
                                    .put("tags", new JsonArray().add(name))
                                    .put("responses", new JsonObject().put("400", new JsonObject()
                                            .put("description", "bad")
                                            .put("content", new JsonObject().put("application/problem+json",
                                                    new JsonObject().put("schema", new JsonObject()
                                                            .put("$ref", "#/components/schemas/Problem"))))))))
                            .put("/internal/" + name, new JsonObject().put("get", new JsonObject()
                                    .put("responses", new JsonObject()))))
                    .put("components", new JsonObject().put("schemas", new JsonObject().put("Problem", problem)));
        }

        private static <T> T await(io.vertx.core.Future<T> future) {
            try {
                return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
