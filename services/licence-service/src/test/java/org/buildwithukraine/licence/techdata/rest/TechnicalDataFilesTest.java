package org.buildwithukraine.licence.techdata.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.announceFactory;
import static org.buildwithukraine.licence.Fixtures.as;
import static org.buildwithukraine.licence.Fixtures.asOfficer;
import static org.buildwithukraine.licence.Fixtures.awaitStatus;
import static org.buildwithukraine.licence.Fixtures.decide;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.buildwithukraine.licence.Fixtures.queryString;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.buildwithukraine.licence.Fixtures.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.licence.techdata.TestPdfs;
import org.buildwithukraine.testsupport.RawHttp;
import org.buildwithukraine.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * The files of technical data releases through the API on real PostgreSQL and Kafka: streamed upload with its
 * digest and size limit, the acknowledgement a manufacturer's download needs, downloads byte for byte or
 * stamped, each on record, access that follows the licence on the next request, and earlier (SUPERSEDED)
 * revisions for licences that allow them. The test profile limits a
 * file to 6 MiB, stored in 1 MiB chunks.
 */
@QuarkusTest
class TechnicalDataFilesTest {

    private static final int MIB = 1024 * 1024;
    private static final long MAX_FILE_BYTES = 6L * MIB;
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String OFFICER_BEARER = TestTokens.user("officer", Roles.TECHNOLOGY_OFFICER).bearer();
    private static final byte[] BOM = "pos;part;qty\n1;motor 2306;4\n2;frame 5in;1\n"
            .getBytes(StandardCharsets.UTF_8);

    @TestHTTPResource("/")
    URL http;

    // --- the requests

    private static String files(String technology, String revision) {
        return "/api/technologies/" + technology + "/releases/" + revision + "/files/";
    }

    private static ValidatableResponse upload(String technology, String revision, String name, String mediaType,
            byte[] bytes) {
        return upload(technology, revision, name, mediaType, bytes, contentDigest(bytes));
    }

    private static ValidatableResponse upload(String technology, String revision, String name, String mediaType,
            byte[] bytes, String digest) {
        RequestSpecification request = given().header("Authorization", OFFICER_BEARER).contentType(mediaType)
                .body(bytes);
        if (digest != null) {
            request = request.header("Content-Digest", digest);
        }
        return request.put(files(technology, revision) + name).then();
    }

    private static ValidatableResponse draft(String technology) {
        return asOfficer().body(Map.of("notes", "Issue")).post("/api/technologies/{code}/releases", technology)
                .then().statusCode(201);
    }

    private static void release(String technology, String revision) {
        asOfficer().post("/api/technologies/{code}/releases/{revision}/release", technology, revision).then()
                .statusCode(200);
    }

    private static String maker(String factory) {
        return TestTokens.user("maker-" + factory, Roles.MANUFACTURER).factory(factory).bearer();
    }

    private static ValidatableResponse acknowledge(String bearer, String technology, String revision) {
        return as(bearer).post("/api/technologies/{code}/releases/{revision}/acknowledgement", technology, revision)
                .then();
    }

    private static ExtractableResponse<Response> download(String bearer, String technology, String revision,
            String name) {
        return given().header("Authorization", bearer).get(files(technology, revision) + name).then().extract();
    }

    /** A technology whose revision A, with a text BOM, is released, and a factory licensed for it. */
    private record Released(String technology, String factory, String licenceId) {
    }

    private static Released releasedWithBom(String factoryPrefix) {
        String technology = technology();
        draft(technology);
        upload(technology, "A", "bom.txt", "text/plain", BOM).statusCode(201);
        release(technology, "A");
        String factory = activeFactory(factoryPrefix);
        return new Released(technology, factory, grant(technology, factory));
    }

    // --- the tests

    @Test
    void anUploadedFileIsReleasedAcknowledgedAndDownloadedByteForByte() {
        String technology = technology();
        draft(technology);
        upload(technology, "A", "bom.txt", "text/plain; charset=utf-8", BOM).statusCode(201)
                .header("Location", containsString(files(technology, "A") + "bom.txt"))
                .body("name", equalTo("bom.txt")).body("mediaType", equalTo("text/plain"))
                .body("size", equalTo(BOM.length)).body("sha256", equalTo(hex(sha256(BOM))));
        release(technology, "A");
        String factory = activeFactory("fr-tdf-round");
        String licenceId = grant(technology, factory);

        as(maker(factory)).get("/api/technologies/{code}/releases/A", technology).then().statusCode(200)
                .body("files.name", contains("bom.txt")).body("files[0].sha256", equalTo(hex(sha256(BOM))))
                .body("files[0].size", equalTo(BOM.length))
                .body("notice", containsString("EU ML10 — export controlled"))
                .body("$", hasKey("acknowledgement")).body("acknowledgement", nullValue());

        ExtractableResponse<Response> unacknowledged = download(maker(factory), technology, "A", "bom.txt");
        assertThat(unacknowledged.statusCode()).isEqualTo(409);
        assertThat(unacknowledged.contentType()).startsWith("application/problem+json");
        assertThat(unacknowledged.jsonPath().getString("detail")).contains("Release A of " + technology,
                "EU ML10 — export controlled", "POST /api/technologies/" + technology + "/releases/A/acknowledgement");

        as(maker(factory)).body(Map.of()).post("/api/technologies/{code}/releases/A/acknowledgement", technology)
                .then().statusCode(201)
                .body("technologyCode", equalTo(technology)).body("revision", equalTo("A"))
                .body("licenceId", equalTo(licenceId)).body("acknowledgedBy", equalTo("maker-" + factory))
                .body("notice", containsString("EU ML10 — export controlled"));
        String acknowledgedAt = acknowledge(maker(factory), technology, "A").statusCode(200).extract()
                .path("acknowledgedAt");
        assertThat(queryLong("select count(*) from technical_data_acknowledgement where technology_code = ?",
                technology)).isEqualTo(1);

        ExtractableResponse<Response> served = download(maker(factory), technology, "A", "bom.txt");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.asByteArray()).isEqualTo(BOM);
        assertThat(served.header("Content-Digest")).isEqualTo(contentDigest(BOM));
        assertThat(served.contentType()).startsWith("text/plain");
        assertThat(served.header("Content-Disposition")).isEqualTo("attachment; filename=\"bom.txt\"");
        String downloadId = served.header("X-Download-Id");
        assertThat(downloadId).matches(UUID_PATTERN);
        assertThat(acknowledgedAt).isNotNull();

        asOfficer().get("/api/licences/{id}/technical-data-access", licenceId).then().statusCode(200)
                .body("items.action", contains("DOWNLOAD", "ACKNOWLEDGE", "ACKNOWLEDGE", "DOWNLOAD", "READ"))
                // as answered: the first acknowledgement 201, the repeat 200
                .body("items.status", contains(200, 200, 201, 409, 200))
                .body("items[0].file", equalTo("bom.txt")).body("items[0].digest", equalTo(hex(sha256(BOM))))
                .body("items[0].downloadId", equalTo(downloadId))
                .body("items[0].factoryId", equalTo(factory)).body("items[0].revision", equalTo("A"))
                .body("items[3].file", equalTo("bom.txt")).body("items[3].outcome", equalTo("REFUSED"))
                .body("items[3].digest", equalTo(null)).body("items[3].downloadId", equalTo(null))
                .body("items[3].reason", containsString("acknowledgement"))
                .body("items[1].file", equalTo(null));

        // the release, read or listed again, tells its reader that they acknowledged it, and when
        as(maker(factory)).get("/api/technologies/{code}/releases/A", technology).then().statusCode(200)
                .body("acknowledgement.by", equalTo("maker-" + factory))
                .body("acknowledgement.at", equalTo(acknowledgedAt));
        as(maker(factory)).get("/api/technologies/{code}/releases", technology).then().statusCode(200)
                .body("acknowledgement.by", contains("maker-" + factory));
        // an acknowledgement is a person's: a colleague of the same factory has not given one, nor an officer
        String colleague = TestTokens.user("colleague-" + factory, Roles.MANUFACTURER).factory(factory).bearer();
        as(colleague).get("/api/technologies/{code}/releases/A", technology).then().statusCode(200)
                .body("acknowledgement", nullValue());
        asOfficer().get("/api/technologies/{code}/releases/A", technology).then().statusCode(200)
                .body("acknowledgement", nullValue());
    }

    @Test
    void aDigestThatDoesNotMatchKeepsNothingAndTheHeaderIsRequired() {
        String technology = technology();
        draft(technology);
        String wrong = contentDigest("something else".getBytes(StandardCharsets.UTF_8));
        upload(technology, "A", "bom.txt", "text/plain", BOM, wrong).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("Content-Digest"))
                .body("errors[0].message", containsString(contentDigest(BOM)));
        upload(technology, "A", "bom.txt", "text/plain", BOM, null).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("Content-Digest"));
        for (String malformed : List.of("sha-256=" + hex(sha256(BOM)), "md5=:AAAA:", "sha-256=:AAAA:")) {
            upload(technology, "A", "bom.txt", "text/plain", BOM, malformed).statusCode(400)
                    .body("errors.field", contains("Content-Digest"));
        }
        for (String name : List.of(".hidden", "a%20b", "x".repeat(201), "-%C3%A4.txt")) {
            upload(technology, "A", name, "text/plain", BOM).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("name"));
        }
        // what is no media type at all RESTEasy refuses before the resource sees it
        upload(technology, "A", "bom.txt", "not a media type", BOM).statusCode(415)
                .contentType("application/problem+json");

        assertThat(filesOf(technology)).isZero();
        assertThat(queryLong("select count(*) from technical_data_file_chunk c where not exists "
                + "(select 1 from technical_data_file f where f.id = c.file_id)")).as("chunks of no file").isZero();
        asOfficer().get("/api/technologies/{code}/releases/A", technology).then().body("files.size()", equalTo(0));

        // a large body with the wrong digest: chunks were written, and rolled back
        byte[] large = randomBytes(2 * MIB + 17, 7);
        upload(technology, "A", "large.bin", "application/octet-stream", large, wrong).statusCode(400);
        assertThat(filesOf(technology)).isZero();
        assertThat(queryLong("select count(*) from technical_data_file_chunk c where not exists "
                + "(select 1 from technical_data_file f where f.id = c.file_id)")).as("chunks of no file").isZero();
    }

    @Test
    void aDraftsFilesAreReplacedAndRemovedAndAReleasedRevisionsNever() {
        String technology = technology();
        draft(technology);
        byte[] first = "first".getBytes(StandardCharsets.UTF_8);
        byte[] second = "second version".getBytes(StandardCharsets.UTF_8);
        upload(technology, "A", "notes.txt", "text/plain", first).statusCode(201);
        upload(technology, "A", "notes.txt", "text/plain", second).statusCode(200)
                .body("sha256", equalTo(hex(sha256(second)))).body("size", equalTo(second.length));
        upload(technology, "A", "a.bin", "application/octet-stream", first).statusCode(201);
        upload(technology, "A", "gone.txt", "text/plain", first).statusCode(201);
        asOfficer().delete(files(technology, "A") + "gone.txt").then().statusCode(204);
        asOfficer().delete(files(technology, "A") + "gone.txt").then().statusCode(404)
                .contentType("application/problem+json");
        asOfficer().get("/api/technologies/{code}/releases/A", technology).then()
                .body("files.name", contains("a.bin", "notes.txt"))
                .body("files[1].sha256", equalTo(hex(sha256(second))));
        assertThat(download(OFFICER_BEARER, technology, "A", "notes.txt").asByteArray()).isEqualTo(second);

        release(technology, "A");
        upload(technology, "A", "notes.txt", "text/plain", first).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("it is RELEASED"));
        upload(technology, "A", "new.txt", "text/plain", first).statusCode(409);
        asOfficer().delete(files(technology, "A") + "notes.txt").then().statusCode(409);
        asOfficer().body(Map.of("reason", "recalled")).post("/api/technologies/{code}/releases/A/withdraw",
                technology).then().statusCode(200);
        asOfficer().delete(files(technology, "A") + "a.bin").then().statusCode(409);
        assertThat(download(OFFICER_BEARER, technology, "A", "notes.txt").asByteArray()).isEqualTo(second);
        assertThat(filesOf(technology)).isEqualTo(2);
        upload("UA-NO-SUCH", "A", "x.txt", "text/plain", first).statusCode(404);
        upload(technology, "Q", "x.txt", "text/plain", first).statusCode(404);
    }

    @Test
    void aFileOfSeveralChunksComesBackAsItWent() {
        String technology = technology();
        draft(technology);
        byte[] bytes = randomBytes(5 * MIB + 123, 42);
        upload(technology, "A", "firmware.bin", "application/octet-stream", bytes).statusCode(201)
                .body("size", equalTo(bytes.length));
        assertThat(queryLong("select count(*) from technical_data_file_chunk k join technical_data_file f "
                + "on f.id = k.file_id join technical_data_release r on r.id = f.release_id "
                + "where r.technology_code = ?", technology)).as("1 MiB chunks").isEqualTo(6);
        assertThat(queryLong("select max(length(k.bytes)) from technical_data_file_chunk k join technical_data_file f "
                + "on f.id = k.file_id join technical_data_release r on r.id = f.release_id "
                + "where r.technology_code = ?", technology)).isEqualTo(MIB);

        ExtractableResponse<Response> served = download(OFFICER_BEARER, technology, "A", "firmware.bin");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.header("Content-Digest")).isEqualTo(contentDigest(bytes));
        assertThat(served.asByteArray()).isEqualTo(bytes);
    }

    @Test
    void anUploadOverTheLimitIsRefusedWith413AndKeepsNothing() {
        String technology = technology();
        draft(technology);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", OFFICER_BEARER);
        headers.put("Content-Type", "application/octet-stream");
        headers.put("Content-Digest", contentDigest(new byte[0]));

        Map<String, String> declared = new LinkedHashMap<>(headers);
        declared.put("Content-Length", Long.toString(MAX_FILE_BYTES + 1));
        RawHttp.Answer tooLong = RawHttp.send(http.getPort(), "PUT", files(technology, "A") + "big.bin", declared,
                new byte[0], Duration.ofSeconds(10));
        assertThat(tooLong.status()).as(tooLong.head()).isEqualTo(413);
        assertThat(tooLong.head()).containsIgnoringCase("content-type: application/problem+json");

        Map<String, String> chunked = new LinkedHashMap<>(headers);
        chunked.put("Transfer-Encoding", "chunked");
        RawHttp.Answer tooMuch = RawHttp.send(http.getPort(), "PUT", files(technology, "A") + "big.bin", chunked,
                chunkedBody(MAX_FILE_BYTES + 1024), Duration.ofSeconds(20));
        assertThat(tooMuch.status()).as(tooMuch.head()).isEqualTo(413);
        assertThat(tooMuch.head()).containsIgnoringCase("content-type: application/problem+json");

        assertThat(filesOf(technology)).isZero();
        assertThat(queryLong("select count(*) from technical_data_file_chunk c where not exists "
                + "(select 1 from technical_data_file f where f.id = c.file_id)")).as("chunks of no file").isZero();

        // above the 1 MiB of every other route, within the file limit: taken
        byte[] twoMebibytes = randomBytes(2 * MIB, 3);
        upload(technology, "A", "big.bin", "application/octet-stream", twoMebibytes).statusCode(201);
        // every other route keeps its 1 MiB
        asOfficer().body(Map.of("notes", "x".repeat(MIB + 1))).post("/api/technologies/{code}/releases", technology)
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void anUploadWhoseBodyStopsArrivingIsCutOffAfterTheIdleTimeout() {
        String technology = technology();
        draft(technology);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", OFFICER_BEARER);
        headers.put("Content-Type", "application/octet-stream");
        headers.put("Content-Digest", contentDigest(new byte[5000]));
        headers.put("Content-Length", "5000");
        RawHttp.Answer answer = RawHttp.send(http.getPort(), "PUT", files(technology, "A") + "stalled.bin", headers,
                new byte[100], Duration.ofSeconds(10));
        assertThat(answer.status()).as(answer.head()).isEqualTo(408);
        assertThat(answer.closed()).isTrue();
        assertThat(answer.elapsed()).isBetween(Duration.ofMillis(1800), Duration.ofSeconds(6));
        assertThat(filesOf(technology)).isZero();
        // the upload's transaction is over: the technology is not locked any more
        upload(technology, "A", "bom.txt", "text/plain", BOM).statusCode(201);
    }

    /**
     * Refused for its missing digest before a byte of the body is read, whether part of the body has been sent or
     * all of it (the gateway's case): the unread rest must not be taken for a next request, and the client is told
     * so, or it would send its next request on a connection that is closing.
     */
    @ParameterizedTest(name = "{0} of 5000 bytes sent")
    @ValueSource(ints = { 100, 5000 })
    void anUploadRefusedBeforeItsBodyIsReadClosesTheConnectionAndSaysSo(int bytesSent) {
        String technology = technology();
        draft(technology);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", OFFICER_BEARER);
        headers.put("Content-Type", "application/octet-stream");
        headers.put("Content-Length", "5000");
        RawHttp.Answer answer = RawHttp.send(http.getPort(), "PUT", files(technology, "A") + "nodigest.bin", headers,
                new byte[bytesSent], Duration.ofSeconds(10));
        assertThat(answer.status()).as(answer.head()).isEqualTo(400);
        assertThat(answer.body()).contains("Content-Digest");
        assertThat(answer.head()).containsIgnoringCase("connection: close");
        assertThat(answer.closed()).isTrue();
        assertThat(answer.elapsed()).isLessThan(Duration.ofMillis(1800));
        assertThat(filesOf(technology)).isZero();
    }

    @Test
    void aPdfIsStampedOnEveryPageWithTheFactoryThePersonAndTheDownloadId() throws IOException {
        String technology = technology();
        draft(technology);
        byte[] pdf = TestPdfs.pages(3, "Drawing sheet");
        upload(technology, "A", "drawing.pdf", "application/pdf", pdf).statusCode(201)
                .body("sha256", equalTo(hex(sha256(pdf))));
        byte[] notPdf = "%PDF-1.7 but not really".getBytes(StandardCharsets.US_ASCII);
        upload(technology, "A", "fake.pdf", "application/pdf", notPdf).statusCode(400)
                .body("errors.field", contains("body"));
        release(technology, "A");
        String factory = activeFactory("fr-tdf-pdf");
        String licenceId = grant(technology, factory);
        acknowledge(maker(factory), technology, "A").statusCode(201);

        ExtractableResponse<Response> served = download(maker(factory), technology, "A", "drawing.pdf");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("application/pdf");
        byte[] stamped = served.asByteArray();
        String downloadId = served.header("X-Download-Id");
        assertThat(served.header("Content-Digest")).isEqualTo(contentDigest(stamped)).isNotEqualTo(contentDigest(pdf));
        try (PDDocument document = Loader.loadPDF(stamped)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper text = new PDFTextStripper();
            for (int page = 1; page <= 3; page++) {
                text.setStartPage(page);
                text.setEndPage(page);
                assertThat(text.getText(document)).as("page %d", page).contains("Drawing sheet " + page,
                        "factory " + factory, "Downloaded by maker-" + factory, "Download id " + downloadId,
                        "EU ML10 - export controlled");
            }
            assertThat(document.getDocumentInformation().getCustomMetadataValue("BwU-Download-Id"))
                    .isEqualTo(downloadId);
            assertThat(document.getDocumentInformation().getCustomMetadataValue("BwU-Factory")).isEqualTo(factory);
        }
        String second = download(maker(factory), technology, "A", "drawing.pdf").header("X-Download-Id");
        assertThat(second).isNotEqualTo(downloadId);

        asOfficer().get("/api/licences/{id}/technical-data-access", licenceId).then()
                .body("items[1].downloadId", equalTo(downloadId))
                .body("items[1].digest", equalTo(hex(sha256(stamped))))
                .body("items[1].file", equalTo("drawing.pdf"));
        ExtractableResponse<Response> byOfficer = download(OFFICER_BEARER, technology, "A", "drawing.pdf");
        try (PDDocument document = Loader.loadPDF(byOfficer.asByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Downloaded by officer",
                    "Download id " + byOfficer.header("X-Download-Id"));
        }
    }

    @Test
    void aSuspendedLicenceCutsTheNextDownloadWithItsState() {
        Released released = releasedWithBom("fr-tdf-cut");
        String technology = released.technology();
        String bearer = maker(released.factory());
        acknowledge(bearer, technology, "A").statusCode(201);
        assertThat(download(bearer, technology, "A", "bom.txt").statusCode()).isEqualTo(200);

        decide(released.licenceId(), "suspend", "quality audit").statusCode(200);
        ExtractableResponse<Response> suspended = download(bearer, technology, "A", "bom.txt");
        assertThat(suspended.statusCode()).isEqualTo(403);
        assertThat(suspended.jsonPath().getString("detail")).isEqualTo("Licence " + released.licenceId() + " for "
                + technology + " does not give access to its technical data: it is SUSPENDED");
        acknowledge(bearer, technology, "A").statusCode(403);

        decide(released.licenceId(), "reinstate", "audit passed").statusCode(200);
        assertThat(download(bearer, technology, "A", "bom.txt").statusCode()).isEqualTo(200);

        announceFactory(released.factory(), FactoryEventTypes.SUSPENDED, FactoryStatus.SUSPENDED, "security incident");
        awaitStatus(released.licenceId(), "SUSPENDED");
        ExtractableResponse<Response> cascaded = download(bearer, technology, "A", "bom.txt");
        assertThat(cascaded.statusCode()).isEqualTo(403);
        assertThat(cascaded.jsonPath().getString("detail")).contains("SUSPENDED");

        asOfficer().get("/api/licences/{id}/technical-data-access", released.licenceId()).then()
                .body("items.action", hasItem("DOWNLOAD"))
                .body("items[0].action", equalTo("DOWNLOAD")).body("items[0].status", equalTo(403))
                .body("items[0].digest", equalTo(null)).body("items[0].downloadId", equalTo(null))
                .body("items[0].file", equalTo("bom.txt"));
        assertThat(queryLong("select count(*) from technical_data_access where technology_code = ? "
                + "and action = 'DOWNLOAD' and outcome = 'ALLOWED' and download_id is not null", technology))
                .isEqualTo(2);
    }

    /** Revision A with a text BOM, superseded by a released B; the factory's licence allowing earlier revisions or not. */
    private static Released supersededWithBom(String factoryPrefix, boolean earlierRevisions) {
        String technology = technology();
        draft(technology);
        upload(technology, "A", "bom.txt", "text/plain", BOM).statusCode(201);
        release(technology, "A");
        String factory = activeFactory(factoryPrefix);
        String licenceId = grant(with(licence(technology, factory), "earlierRevisions", earlierRevisions));
        draft(technology);
        release(technology, "B");
        return new Released(technology, factory, licenceId);
    }

    private static ValidatableResponse allowEarlierRevisions(String licenceId, boolean allowed, String reason) {
        return asOfficer().body(Map.of("earlierRevisions", allowed, "reason", reason))
                .patch("/api/licences/{id}", licenceId).then().statusCode(200)
                .body("earlierRevisions", equalTo(allowed));
    }

    @Test
    void aLicenceAllowingEarlierRevisionsListsAndDownloadsTheSupersededOne() {
        Released superseded = supersededWithBom("fr-tdf-earlier", true);
        String technology = superseded.technology();
        String bearer = maker(superseded.factory());

        as(bearer).get("/api/technologies/{code}/releases", technology).then().statusCode(200)
                .body("revision", contains("A", "B")).body("state", contains("SUPERSEDED", "RELEASED"));
        as(bearer).get("/api/technologies/{code}/releases/A", technology).then().statusCode(200)
                .body("state", equalTo("SUPERSEDED")).body("files.name", contains("bom.txt"));
        ExtractableResponse<Response> unacknowledged = download(bearer, technology, "A", "bom.txt");
        assertThat(unacknowledged.statusCode()).isEqualTo(409);
        assertThat(unacknowledged.jsonPath().getString("detail"))
                .contains("POST /api/technologies/" + technology + "/releases/A/acknowledgement");

        acknowledge(bearer, technology, "A").statusCode(201).body("licenceId", equalTo(superseded.licenceId()));
        ExtractableResponse<Response> served = download(bearer, technology, "A", "bom.txt");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.asByteArray()).isEqualTo(BOM);

        asOfficer().get("/api/licences/{id}/technical-data-access", superseded.licenceId()).then().statusCode(200)
                .body("items.action", contains("DOWNLOAD", "ACKNOWLEDGE", "DOWNLOAD", "READ", "LIST"))
                .body("items.status", contains(200, 201, 409, 200, 200))
                .body("items.licenceId", contains(superseded.licenceId(), superseded.licenceId(),
                        superseded.licenceId(), superseded.licenceId(), superseded.licenceId()))
                .body("items[0].revision", equalTo("A")).body("items[0].digest", equalTo(hex(sha256(BOM))));
    }

    @Test
    void withoutTheTermTheSupersededOneIsRefusedNamingItsStateUntilAnAmendmentAllowsIt() {
        Released superseded = supersededWithBom("fr-tdf-latest", false);
        String technology = superseded.technology();
        String bearer = maker(superseded.factory());
        String refusal = "Release A of " + technology + " is SUPERSEDED by a later revision; licence "
                + superseded.licenceId() + " covers the RELEASED one only, it does not allow earlier revisions";

        as(bearer).get("/api/technologies/{code}/releases", technology).then().statusCode(200)
                .body("revision", contains("B"));
        as(bearer).get("/api/technologies/{code}/releases/A", technology).then().statusCode(403)
                .contentType("application/problem+json").body("detail", equalTo(refusal));
        acknowledge(bearer, technology, "A").statusCode(403).body("detail", equalTo(refusal));
        ExtractableResponse<Response> refused = download(bearer, technology, "A", "bom.txt");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.jsonPath().getString("detail")).isEqualTo(refusal);

        allowEarlierRevisions(superseded.licenceId(), true, "drawings of A still in production");
        as(bearer).get("/api/technologies/{code}/releases", technology).then().statusCode(200)
                .body("revision", contains("A", "B"));
        acknowledge(bearer, technology, "A").statusCode(201);
        assertThat(download(bearer, technology, "A", "bom.txt").statusCode()).isEqualTo(200);

        allowEarlierRevisions(superseded.licenceId(), false, "production moved to B");
        as(bearer).get("/api/technologies/{code}/releases", technology).then().body("revision", contains("B"));
        assertThat(download(bearer, technology, "A", "bom.txt").statusCode()).isEqualTo(403);

        asOfficer().get("/api/licences/{id}/audit", superseded.licenceId()).then().statusCode(200)
                .body("action", contains("GRANT", "AMEND", "AMEND"))
                .body("[0].changes.earlierRevisions.to", equalTo(false))
                .body("[1].changes.earlierRevisions.from", equalTo(false))
                .body("[1].changes.earlierRevisions.to", equalTo(true))
                .body("[1].reason", equalTo("drawings of A still in production"))
                .body("[2].changes.earlierRevisions.from", equalTo(true))
                .body("[2].changes.earlierRevisions.to", equalTo(false));
        assertThat(queryString("select string_agg(status::text, ',' order by position) from technical_data_access "
                + "where technology_code = ? and action = 'DOWNLOAD' and licence_id = ?", technology,
                superseded.licenceId())).isEqualTo("403,200,403");
    }

    @Test
    void aWithdrawnReleaseAnotherFactoryAndOtherRolesGetNothing() {
        Released released = releasedWithBom("fr-tdf-who");
        String technology = released.technology();
        String other = activeFactory("fr-tdf-other");
        acknowledge(maker(other), technology, "A").statusCode(404).contentType("application/problem+json");
        assertThat(download(maker(other), technology, "A", "bom.txt").statusCode()).isEqualTo(404);
        assertThat(download(maker(other), technology, "A", "nothing.txt").statusCode()).isEqualTo(404);

        for (String bearer : List.of(TestTokens.user("desk", Roles.ORDER_DESK).bearer(),
                TestTokens.user("netadmin", Roles.NETWORK_ADMIN).bearer(),
                TestTokens.user("operator", Roles.OPERATOR).bearer(), TestTokens.mes(released.factory()).bearer())) {
            assertThat(download(bearer, technology, "A", "bom.txt").statusCode()).isEqualTo(403);
            acknowledge(bearer, technology, "A").statusCode(403);
            given().header("Authorization", bearer).header("Content-Digest", contentDigest(BOM)).body(BOM)
                    .put(files(technology, "A") + "bom.txt").then().statusCode(403);
        }
        String bearer = maker(released.factory());
        given().header("Authorization", bearer).header("Content-Digest", contentDigest(BOM)).body(BOM)
                .put(files(technology, "A") + "bom.txt").then().statusCode(403);
        given().header("Authorization", bearer).delete(files(technology, "A") + "bom.txt").then().statusCode(403);
        acknowledge(OFFICER_BEARER, technology, "A").statusCode(403);
        given().get(files(technology, "A") + "bom.txt").then().statusCode(401);

        acknowledge(bearer, technology, "A").statusCode(201);
        assertThat(download(bearer, technology, "A", "missing.txt").statusCode()).isEqualTo(404);
        asOfficer().body(Map.of("reason", "Tolerance error")).post("/api/technologies/{code}/releases/A/withdraw",
                technology).then().statusCode(200);
        ExtractableResponse<Response> withdrawn = download(bearer, technology, "A", "bom.txt");
        assertThat(withdrawn.statusCode()).isEqualTo(403);
        assertThat(withdrawn.jsonPath().getString("detail")).contains("WITHDRAWN");
        assertThat(queryString("select string_agg(status::text, ',' order by position) from technical_data_access "
                + "where technology_code = ? and action = 'DOWNLOAD' and actor = ?", technology,
                "maker-" + released.factory())).isEqualTo("404,403");
    }

    @Test
    void theFileOperationsAreDescribedWithBinaryBodies() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        String base = "/api/technologies/{code}/releases/{revision}";
        assertThat(paths.get(base + "/files/{name}")).containsKeys("put", "get", "delete");
        assertThat(paths.get(base + "/acknowledgement")).containsKey("post");
        Map<String, Object> upload = paths.get(base + "/files/{name}").get("put");
        assertThat(upload.get("requestBody").toString()).contains("binary");
        Map<String, Object> download = paths.get(base + "/files/{name}").get("get");
        assertThat(download.get("responses").toString()).contains("binary", "X-Download-Id", "Content-Digest");
    }

    // --- bytes and digests

    private static long filesOf(String technology) {
        return queryLong("select count(*) from technical_data_file f join technical_data_release r "
                + "on r.id = f.release_id where r.technology_code = ?", technology);
    }

    private static byte[] chunkedBody(long bytes) {
        StringBuilder body = new StringBuilder();
        long left = bytes;
        while (left > 0) {
            int size = (int) Math.min(left, 64 * 1024);
            body.append(Integer.toHexString(size)).append("\r\n").append("x".repeat(size)).append("\r\n");
            left -= size;
        }
        return body.append("0\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String contentDigest(byte[] bytes) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(sha256(bytes)) + ":";
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
