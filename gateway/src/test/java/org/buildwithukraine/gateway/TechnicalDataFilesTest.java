package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.gateway.Api.PROBLEM_JSON;
import static org.buildwithukraine.gateway.Api.as;
import static org.buildwithukraine.gateway.Api.user;
import static org.buildwithukraine.gateway.RouteTable.MANUFACTURER;
import static org.buildwithukraine.gateway.RouteTable.ORDER_DESK;
import static org.buildwithukraine.gateway.RouteTable.TECHNOLOGY_OFFICER;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.buildwithukraine.gateway.StubBackends.Upload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Technical data files pass the gateway streamed both ways: uploads up to the upload limit (test profile: 48 MiB,
 * stream idle timeout 2 s; body read timeout 1 s and backend timeout 500 ms, which a streamed upload outlasts),
 * byte for byte, with nothing of them held in the gateway; every other route keeps its 1 MiB.
 */
@QuarkusTest
@StubbedPlatform
class TechnicalDataFilesTest {

    private static final int MIB = 1024 * 1024;
    private static final long MAX_UPLOAD = 48L * MIB;
    private static final String FILES = "/api/technologies/UA-FPV-7/releases/B/files/";

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    InFlight inFlight;

    @BeforeEach
    void reset() {
        StubBackends.resetAll();
        await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.requests() == 0);
    }

    @Test
    void anUploadOfTensOfMebibytesArrivesByteForByteAndIsNeverHeld() throws Exception {
        TestFile file = new TestFile("drawing.bin", 40L * MIB + 17, 13);
        String digest = HexFormat.of().formatHex(file.digest());
        for (boolean declaredLength : new boolean[] { true, false }) {
            StubBackends.resetAll();
            HttpResponse<String> answer = whileSamplingHeldBodies(() -> CLIENT.send(upload(file, declaredLength,
                    new AtomicLong()), BodyHandlers.ofString()));

            assertThat(answer.statusCode()).as("declared length " + declaredLength).isEqualTo(201);
            assertThat(answer.body()).contains("\"sha256\":\"" + digest + "\"");
            Upload upload = uploadsOf(file.name()).get(0);
            assertThat(upload.complete()).isTrue();
            assertThat(upload.bytes()).isEqualTo(file.size());
            assertThat(upload.sha256()).isEqualTo(digest);
            assertThat(upload.uri()).isEqualTo(FILES + file.name());
            assertThat(upload.headers().get("Content-Digest")).isEqualTo(contentDigest(file));
            assertThat(upload.headers().get("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(upload.headers().get("Content-Length"))
                    .isEqualTo(declaredLength ? Long.toString(file.size()) : null);
        }
    }

    /**
     * A client that offers HTTP/2 in clear (an {@code Upgrade: h2c} on its first request, as Java's own client does
     * by default) is answered in HTTP/1.1: an upgraded request's body would be taken in ahead of the back-pressure
     * above, and the e2e suite saw a 100 MiB upload grow the gateway's old generation by a third of that.
     */
    @Test
    void aClientOfferingClearTextHttp2IsAnsweredInHttp11() throws Exception {
        try (RawHttp connection = new RawHttp(5000)) {
            connection.head("GET", "/api/technologies", Map.of("Authorization", officer(),
                    "Connection", "Upgrade, HTTP2-Settings", "Upgrade", "h2c", "HTTP2-Settings", "AAMAAABkAAQAAP__"));
            RawHttp.Answer answer = connection.answer();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Upgrade")).isNull();
        }
        TestFile file = new TestFile("offered-h2.bin", 8L * MIB, 3);
        HttpClient offersHttp2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> answer = offersHttp2.send(upload(file, true, new AtomicLong()), BodyHandlers.ofString());
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(uploadsOf(file.name()).get(0).sha256()).isEqualTo(HexFormat.of().formatHex(file.digest()));
    }

    /** While the service takes nothing, the caller is held back instead of its body piling up in the gateway. */
    @Test
    void aServiceThatReadsSlowlyHoldsTheCallerBack() throws Exception {
        TestFile file = new TestFile("firmware.bin", MAX_UPLOAD - 1, 5);
        licence().holdUploadsAfter(MIB);
        AtomicLong sent = new AtomicLong();
        var answer = CLIENT.sendAsync(upload(file, true, sent), BodyHandlers.ofString());

        await().atMost(Duration.ofSeconds(5)).until(licence()::holdingUpload);
        long sentWhileHeld = settled(sent);
        licence().releaseHeldUpload();

        assertThat(sentWhileHeld).as("bytes the caller could send while the service took none")
                .isLessThan(file.size() / 2);
        assertThat(answer.get().statusCode()).isEqualTo(201);
        assertThat(uploadsOf(file.name()).get(0).sha256()).isEqualTo(HexFormat.of().formatHex(file.digest()));
    }

    @Test
    void aDownloadOfTensOfMebibytesReachesTheCallerByteForByteWithItsHeaders() throws Exception {
        TestFile file = new TestFile("bom.bin", 48L * MIB + 3, 21);
        byte[] digest = file.digest();
        for (boolean declaredLength : new boolean[] { true, false }) {
            licence().serve(file, declaredLength);
            Downloaded downloaded = whileSamplingHeldBodies(() -> download(FILES + file.name()));

            var answer = downloaded.answer();
            assertThat(answer.statusCode()).isEqualTo(200);
            var headers = answer.headers();
            assertThat(headers.firstValue("Content-Length"))
                    .isEqualTo(declaredLength ? Optional.of(Long.toString(file.size())) : Optional.empty());
            assertThat(headers.firstValue("Content-Digest")).contains(contentDigest(file));
            assertThat(headers.firstValue("Content-Disposition")).contains("attachment; filename=\"bom.bin\"");
            assertThat(headers.firstValue("X-Download-Id")).contains(licence().lastDownloadId());
            assertThat(downloaded.bytes()).isEqualTo(file.size());
            assertThat(downloaded.sha256()).isEqualTo(digest);
        }
    }

    @Test
    void aDeclaredLengthOverTheUploadLimitIsRefusedBeforeAByteIsRead() throws Exception {
        try (RawHttp connection = new RawHttp(5000)) {
            connection.head("PUT", FILES + "huge.bin", Map.of("Authorization", officer(),
                    "Content-Digest", "sha-256=:x:", "Content-Length", Long.toString(MAX_UPLOAD + 1)));
            RawHttp.Answer answer = connection.answer();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.header("Content-Type")).isEqualTo(PROBLEM_JSON);
            assertThat(answer.body()).contains("\"status\":413").contains(Long.toString(MAX_UPLOAD));
        }
        assertThat(uploadsOf("huge.bin")).isEmpty();
    }

    @Test
    void aChunkedUploadPassingTheLimitIsRefusedAndTheServiceRequestReset() throws Exception {
        TestFile file = new TestFile("huge.bin", MAX_UPLOAD + MIB, 8);
        HttpResponse<String> answer = CLIENT.send(upload(file, false, new AtomicLong()), BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).contains(PROBLEM_JSON);
        assertThat(answer.body()).contains("\"status\":413");
        await().atMost(Duration.ofSeconds(5)).until(() -> !uploadsOf(file.name()).isEmpty());
        Upload upload = uploadsOf(file.name()).get(0);
        assertThat(upload.complete()).as("the service saw the upload broken off").isFalse();
        assertThat(upload.bytes()).isLessThanOrEqualTo(MAX_UPLOAD);
    }

    @Test
    void everyOtherRouteKeepsItsOneMebibyte() {
        byte[] overOneMebibyte = new byte[MIB + 1];
        Arrays.fill(overOneMebibyte, (byte) 'x');
        // the catch-all of the same resource, and a file route whose body is read whole
        as(officer()).contentType(ContentType.BINARY).body(overOneMebibyte)
                .put("/api/technologies/UA-FPV-7/releases/B/notes").then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("The request body exceeds the limit of " + MIB + " bytes"));
        as(maker()).contentType(ContentType.JSON).body(overOneMebibyte)
                .post("/api/technologies/UA-FPV-7/releases/A/acknowledgement").then()
                .statusCode(413)
                .contentType(PROBLEM_JSON);
        assertThat(licence().received()).isEmpty();
    }

    @Test
    void anUploadThatStallsIsCutOffAfterTheIdleTimeoutAndTheServiceRequestReset() throws Exception {
        long started = System.nanoTime();
        try (RawHttp connection = new RawHttp(5000)) {
            connection.head("PUT", FILES + "stalled.bin", Map.of("Authorization", officer(),
                    "Content-Digest", "sha-256=:x:", "Content-Length", "1000"));
            connection.write(new byte[10]);
            RawHttp.Answer answer = connection.answer();
            assertThat(answer).isNotNull();
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.header("Content-Type")).isEqualTo(PROBLEM_JSON);
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1900),
                    Duration.ofSeconds(6));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !uploadsOf("stalled.bin").isEmpty());
        assertThat(uploadsOf("stalled.bin").get(0).complete()).isFalse();
    }

    /** A byte every 250 ms: slower in all than the body read timeout and the backend timeout, never idle for long. */
    @Test
    void anUploadThatKeepsComingOutlastsTheDeadlinesOfSmallBodies() throws Exception {
        byte[] body = "0123456789ab".getBytes();
        try (RawHttp connection = new RawHttp(5000)) {
            connection.head("PUT", FILES + "slow.txt", Map.of("Authorization", officer(),
                    "Content-Type", "text/plain", "Content-Digest", "sha-256=:x:",
                    "Content-Length", Integer.toString(body.length)));
            for (byte b : body) {
                Thread.sleep(250);
                connection.write(new byte[] { b });
            }
            assertThat(connection.answer().status()).isEqualTo(201);
        }
        Upload upload = uploadsOf("slow.txt").get(0);
        assertThat(upload.complete()).isTrue();
        assertThat(upload.sha256()).isEqualTo(HexFormat.of().formatHex(TestFile.sha256().digest(body)));
    }

    @Test
    void aServiceThatTakesNothingMoreIsA504AndItsRequestReset() throws Exception {
        TestFile file = new TestFile("stuck.bin", MAX_UPLOAD - 1, 2);
        licence().holdUploadsAfter(MIB);
        try (RawHttp connection = new RawHttp(10_000)) {
            connection.head("PUT", FILES + file.name(), Map.of("Authorization", officer(),
                    "Content-Digest", contentDigest(file), "Content-Length", Long.toString(file.size())));
            // the caller goes on sending until it is held back; the gateway answers and closes meanwhile
            Thread sender = new Thread(() -> {
                try (InputStream body = file.open(new AtomicLong())) {
                    byte[] chunk = new byte[64 * 1024];
                    for (int read; (read = body.read(chunk)) >= 0;) {
                        connection.write(Arrays.copyOf(chunk, read));
                    }
                } catch (IOException closedByGateway) {
                    // expected once the gateway has answered
                }
            });
            sender.start();
            RawHttp.Answer answer = connection.answer();
            sender.join(10_000);
            assertThat(answer).isNotNull();
            assertThat(answer.status()).isEqualTo(504);
            assertThat(answer.header("Content-Type")).isEqualTo(PROBLEM_JSON);
            assertThat(answer.body()).contains("licence service");
        }
        // a service that does not read does not notice the reset either: once it reads again it finds the upload cut
        licence().releaseHeldUpload();
        await().atMost(Duration.ofSeconds(5)).until(() -> !uploadsOf(file.name()).isEmpty());
        assertThat(uploadsOf(file.name()).get(0).complete()).isFalse();
    }

    /** The service may refuse an upload before reading it (not a draft: 409); the caller gets that answer. */
    @Test
    void aServiceAnsweringBeforeTheBodysEndEndsTheUpload() throws Exception {
        licence().refuseUploadsWith(409);
        TestFile file = new TestFile("late.bin", 8L * MIB, 3);
        HttpResponse<String> answer = CLIENT.send(upload(file, true, new AtomicLong()), BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.headers().firstValue("Content-Type")).contains(PROBLEM_JSON);
        assertThat(answer.body()).contains("\"status\":409");
        await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.requests() == 0);
        // the connection was not left with the rest of the body for a next request
        as(officer()).get("/api/technologies").then().statusCode(200);
    }

    @Test
    void onlyOfficersUploadAndOnlyOfficersAndManufacturersDownload() {
        as(user("maker-de", MANUFACTURER).factory("de-munich")).contentType(ContentType.BINARY).body(new byte[10])
                .put(FILES + "drawing.pdf").then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        as(user("desk", ORDER_DESK)).get(FILES + "drawing.pdf").then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        as(maker()).delete(FILES + "drawing.pdf").then().statusCode(403);
        as(officer()).post("/api/technologies/UA-FPV-7/releases/B/acknowledgement").then().statusCode(403);
        assertThat(licence().received()).isEmpty();
        assertThat(uploadsOf("drawing.pdf")).isEmpty();

        as(officer()).delete(FILES + "drawing.pdf").then().statusCode(204);
        as(maker()).contentType(ContentType.JSON).body("{}")
                .post("/api/technologies/UA-FPV-7/releases/A/acknowledgement").then()
                .statusCode(200)
                .body("uri", equalTo("/api/technologies/UA-FPV-7/releases/A/acknowledgement"));
    }

    private static HttpRequest upload(TestFile file, boolean declaredLength, AtomicLong sent) {
        BodyPublisher stream = BodyPublishers.ofInputStream(() -> file.open(sent));
        return HttpRequest.newBuilder(uri(FILES + file.name()))
                .header("Authorization", officer())
                .header("Content-Type", "application/octet-stream")
                .header("Content-Digest", contentDigest(file))
                // as curl -T does for large files
                .expectContinue(declaredLength)
                .PUT(declaredLength ? BodyPublishers.fromPublisher(stream, file.size()) : stream)
                .build();
    }

    /** Runs the transfer while sampling the body bytes the gateway holds: there must be none, all along. */
    private <T> T whileSamplingHeldBodies(Callable<T> transfer) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong maxHeld = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                maxHeld.accumulateAndGet(inFlight.bodyBytes(), Math::max);
                samples.incrementAndGet();
                LockSupport.parkNanos(200_000);
            }
        });
        sampler.start();
        try {
            return transfer.call();
        } finally {
            done.set(true);
            sampler.join();
            assertThat(samples.get()).isGreaterThan(100);
            assertThat(maxHeld.get()).as("request body bytes the gateway held").isZero();
        }
    }

    /** The count once it has stopped growing for a while. */
    private static long settled(AtomicLong count) throws InterruptedException {
        long last = -1;
        while (count.get() != last) {
            last = count.get();
            Thread.sleep(300);
        }
        return last;
    }

    /** The uploads of this file the service saw: a late reset of another test's upload may arrive meanwhile. */
    private static List<Upload> uploadsOf(String name) {
        return licence().uploads().stream().filter(upload -> upload.uri().equals(FILES + name)).toList();
    }

    private static StubBackends.Stub licence() {
        return StubBackends.stub("licence");
    }

    private static String contentDigest(TestFile file) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(file.digest()) + ":";
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }

    private static String officer() {
        return user("officer", TECHNOLOGY_OFFICER).bearer();
    }

    private static String maker() {
        return user("maker-de", MANUFACTURER).factory("de-munich").bearer();
    }

    private record Downloaded(HttpResponse<InputStream> answer, long bytes, byte[] sha256) {
    }

    /** Downloads as a maker, hashing the body as it arrives. */
    private static Downloaded download(String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> answer = CLIENT.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", maker()).GET().build(), BodyHandlers.ofInputStream());
        MessageDigest received = TestFile.sha256();
        long bytes = 0;
        try (InputStream body = answer.body()) {
            byte[] chunk = new byte[64 * 1024];
            for (int read; (read = body.read(chunk)) >= 0;) {
                received.update(chunk, 0, read);
                bytes += read;
            }
        }
        return new Downloaded(answer, bytes, received.digest());
    }
}
