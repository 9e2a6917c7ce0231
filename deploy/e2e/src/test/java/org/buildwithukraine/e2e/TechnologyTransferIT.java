package org.buildwithukraine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.e2e.Api.PROBLEM_JSON;
import static org.buildwithukraine.e2e.Api.asUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Technology transfer through the gateway: the demo release a newcomer finds after up.sh, an officer releasing
 * a new revision with a file larger than what the services could hold in memory, a licensed factory's
 * manufacturer acknowledging and downloading it, another factory's not learning it exists, and a suspension
 * cutting access on the very next download.
 */
@Order(4)
@DisplayName("Technology transfer: technical data for licensed factories only")
@ExtendWith(StopAfterFirstFailure.class)
class TechnologyTransferIT {

    private static final String RELEASES = "/api/technologies/{code}/releases";
    private static final String FILE = RELEASES + "/{revision}/files/{name}";
    private static final long LARGE_FILE_BYTES = 100L * 1024 * 1024;
    /** Well below the large file: a service that held it whole would grow its old generation by all of it. */
    private static final long HEAP_GROWTH_BOUND = 32L * 1024 * 1024;
    /** The applications a technical data file passes through, as up.sh names them. */
    private static final List<String> WATCHED = List.of("GATEWAY", "LICENCE");
    private static final Path DEMO_FILES = Path.of(System.getProperty("e2e.root", "../.."))
            .resolve("deploy/local/demo/UA-FPV-7");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static Path largeFile;
    private static String largeDigest;
    private static String revision;

    @AfterAll
    static void deleteLargeFile() throws IOException {
        if (largeFile != null) {
            Files.deleteIfExists(largeFile);
        }
    }

    @Test
    @Order(1)
    @DisplayName("after up.sh, maker-de acknowledges the demo release of UA-FPV-7 and downloads its files")
    void demoReleaseDownloadable() throws Exception {
        Platform.get().up(true);
        asUser("maker-de").get(RELEASES, MissionIT.FPV).then().statusCode(200)
                .body("find { it.state == 'RELEASED' }.files.name", hasItems("bom.txt", "assembly-instructions.pdf"));
        String demo = asUser("maker-de").get(RELEASES, MissionIT.FPV).jsonPath()
                .getString("find { it.state == 'RELEASED' }.revision");

        asUser("maker-de").get(FILE, MissionIT.FPV, demo, "bom.txt").then().statusCode(409)
                .contentType(startsWith(PROBLEM_JSON)).body("detail", containsString("acknowledgement"));
        acknowledge("maker-de", demo).then().statusCode(201).body("acknowledgedBy", equalTo("maker-de"));

        byte[] bom = Files.readAllBytes(DEMO_FILES.resolve("bom.txt"));
        Response download = asUser("maker-de").get(FILE, MissionIT.FPV, demo, "bom.txt");
        download.then().statusCode(200).header("Content-Digest", equalTo(digestHeader(sha256(bom))));
        assertThat(download.asByteArray()).isEqualTo(bom);

        Response pdf = asUser("maker-de").get(FILE, MissionIT.FPV, demo, "assembly-instructions.pdf");
        pdf.then().statusCode(200).contentType(startsWith("application/pdf"));
        String downloadId = pdf.header("X-Download-Id");
        assertThat(downloadId).isNotBlank();
        byte[] stamped = pdf.asByteArray();
        assertThat(pdf.header("Content-Digest")).isEqualTo(digestHeader(sha256(stamped)));
        try (PDDocument document = Loader.loadPDF(stamped)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("UA-FPV-7", "de-munich", "maker-de", downloadId);
        }

        // the factory reads its own record: the download, its file, digest and id
        asUser("maker-de").get("/api/licences/{id}/technical-data-access", fpvLicence()).then().statusCode(200)
                .body("items.find { it.downloadId == '" + downloadId + "' }.file", equalTo("assembly-instructions.pdf"))
                .body("items.find { it.downloadId == '" + downloadId + "' }.outcome", equalTo("ALLOWED"));
    }

    @Test
    @Order(2)
    @DisplayName("the officer releases a new revision with a 100 MiB file: streamed through, services' heaps bounded")
    void officerReleasesLargeRevision() throws Exception {
        largeFile = Files.createTempFile("e2e-technical-data", ".bin");
        largeDigest = writeRandom(largeFile, LARGE_FILE_BYTES);
        revision = asUser("officer").header("Idempotency-Key", "e2e-large-revision")
                .body(Map.of("notes", "Firmware image and drawings for the 2027 production run"))
                .post(RELEASES, MissionIT.FPV).then().statusCode(201).extract().path("revision");

        HeapWatch heaps = new HeapWatch(WATCHED);
        HttpResponse<String> upload;
        try {
            upload = HTTP.send(HttpRequest.newBuilder(fileUri(revision, "firmware.bin"))
                    .header("Authorization", "Bearer " + Tokens.user("officer"))
                    .header("Content-Type", "application/octet-stream")
                    .header("Content-Digest", digestHeader(largeDigest))
                    .PUT(HttpRequest.BodyPublishers.ofFile(largeFile)).build(), HttpResponse.BodyHandlers.ofString());
        } finally {
            heaps.stop();
        }
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        assertThat(JsonPath.from(upload.body()).getLong("size")).isEqualTo(LARGE_FILE_BYTES);
        assertBounded(heaps);

        // a digest that does not match keeps nothing
        asUser("officer").contentType("text/plain").header("Content-Digest", digestHeader(sha256(new byte[0])))
                .body("drawing list").put(FILE, MissionIT.FPV, revision, "drawings.txt")
                .then().statusCode(400).contentType(startsWith(PROBLEM_JSON));
        asUser("officer").get(RELEASES + "/{revision}", MissionIT.FPV, revision).then().statusCode(200)
                .body("files.name", equalTo(List.of("firmware.bin")));

        asUser("officer").post(RELEASES + "/{revision}/release", MissionIT.FPV, revision).then().statusCode(200)
                .body("state", equalTo("RELEASED"));
    }

    @Test
    @Order(3)
    @DisplayName("maker-de acknowledges the new revision and downloads the 100 MiB file byte for byte")
    void manufacturerDownloadsLargeFile() throws Exception {
        acknowledge("maker-de", revision).then().statusCode(201);
        HeapWatch heaps = new HeapWatch(WATCHED);
        HttpResponse<InputStream> download;
        String received;
        try {
            download = download("maker-de", revision, "firmware.bin");
            received = drain(download.body());
        } finally {
            heaps.stop();
        }
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Digest")).hasValue(digestHeader(largeDigest));
        assertThat(download.headers().firstValue("X-Download-Id")).isPresent();
        assertThat(received).isEqualTo(largeDigest);
        assertBounded(heaps);
    }

    @Test
    @Order(4)
    @DisplayName("maker-uk cannot learn the release exists; the order desk gets none of its contents")
    void othersRefused() {
        asUser("maker-uk").get(RELEASES, MissionIT.FPV).then().statusCode(404).contentType(startsWith(PROBLEM_JSON));
        asUser("maker-uk").get(RELEASES + "/{revision}", MissionIT.FPV, revision).then().statusCode(404);
        asUser("maker-uk").get(FILE, MissionIT.FPV, revision, "firmware.bin").then().statusCode(404);
        acknowledge("maker-uk", revision).then().statusCode(404);
        asUser("desk").get(FILE, MissionIT.FPV, revision, "firmware.bin").then().statusCode(403)
                .contentType(startsWith(PROBLEM_JSON));
        // a manufacturer may not upload, not even for its own licensed technology
        asUser("maker-de").contentType("text/plain").header("Content-Digest", digestHeader(sha256(new byte[0])))
                .body("").put(FILE, MissionIT.FPV, revision, "mine.txt").then().statusCode(403);
    }

    @Test
    @Order(5)
    @DisplayName("the officer suspends the licence: maker-de's next download is refused, with the licence's state")
    void suspensionCutsAccess() throws Exception {
        String licence = fpvLicence();
        asUser("officer").body(Map.of("reason", "export-control audit")).post("/api/licences/{id}/suspend", licence)
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        try {
            asUser("maker-de").get(FILE, MissionIT.FPV, revision, "firmware.bin").then().statusCode(403)
                    .contentType(startsWith(PROBLEM_JSON)).body("detail", containsString("SUSPENDED"));
            asUser("officer").get(RELEASES + "/access-records", MissionIT.FPV).then().statusCode(200)
                    .body("items[0].action", equalTo("DOWNLOAD")).body("items[0].outcome", equalTo("REFUSED"))
                    .body("items[0].actor", equalTo("maker-de"));
        } finally {
            asUser("officer").body(Map.of("reason", "audit closed")).post("/api/licences/{id}/reinstate", licence)
                    .then().statusCode(200).body("status", equalTo("GRANTED"));
        }
        HttpResponse<InputStream> again = download("maker-de", revision, "firmware.bin");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(drain(again.body())).isEqualTo(largeDigest);
    }

    private static Response acknowledge(String user, String release) {
        return asUser(user).post(RELEASES + "/{revision}/acknowledgement", MissionIT.FPV, release);
    }

    private static String fpvLicence() {
        return asUser("officer").queryParam("factoryId", "de-munich").queryParam("technologyCode", MissionIT.FPV)
                .get("/api/licences").then().statusCode(200).extract().path("items[0].id");
    }

    private static HttpResponse<InputStream> download(String user, String release, String name) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(fileUri(release, name))
                .header("Authorization", "Bearer " + Tokens.user(user)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private static URI fileUri(String release, String name) {
        return URI.create(Platform.get().gatewayUrl() + "/api/technologies/" + MissionIT.FPV + "/releases/" + release
                + "/files/" + name);
    }

    private static void assertBounded(HeapWatch heaps) {
        for (String application : WATCHED) {
            assertThat(heaps.growth(application))
                    .as("old-generation growth of %s while %d bytes passed through", application, LARGE_FILE_BYTES)
                    .isLessThan(HEAP_GROWTH_BOUND);
        }
    }

    /** Fills the file with seeded random bytes (incompressible, like firmware) and answers their SHA-256. */
    private static String writeRandom(Path file, long size) throws IOException {
        MessageDigest digest = sha256();
        Random random = new Random(13);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                out.write(block);
                digest.update(block);
            }
        }
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    /** Reads the stream to its end, keeping nothing but its SHA-256. */
    private static String drain(InputStream body) throws IOException {
        try (DigestInputStream in = new DigestInputStream(body, sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            return Base64.getEncoder().encodeToString(in.getMessageDigest().digest());
        }
    }

    private static String sha256(byte[] bytes) {
        return Base64.getEncoder().encodeToString(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** RFC 9530: {@code sha-256=:<base64>:}. */
    private static String digestHeader(String base64) {
        return "sha-256=:" + base64 + ":";
    }
}
