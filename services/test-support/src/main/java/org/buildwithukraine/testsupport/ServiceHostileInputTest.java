package org.buildwithukraine.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.buildwithukraine.testsupport.TestOidcServer.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What every service refuses, whoever sends it and whether or not the gateway is in front: pages past the bound,
 * JSON it would otherwise ignore or fail on, bodies too large or too slow, paths that the layers of the way read
 * differently, tokens it cannot check itself — each answered 4xx problem+json, never a 5xx, nothing changed, and
 * without a call to the identity provider. A service's {@code @QuarkusTest HostileInputTest} extends this and
 * names one of its list endpoints and one of its creating requests.
 */
public abstract class ServiceHostileInputTest {

    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    @TestHTTPResource("/")
    URL http;

    /**
     * A creating request: method, path, the headers it needs (Authorization included) and a valid body whose first
     * field takes a string; {@code freeText} names a field that takes any text (null if none does).
     */
    public record Creation(String method, String path, Map<String, String> headers, Map<String, Object> body,
            String freeText) {
    }

    /** A list endpoint with {@code page} and {@code size}, whose {@code total} counts what {@link #creation} adds. */
    protected abstract String listPath();

    /** The Authorization header of a caller who may read {@link #listPath}. */
    protected abstract String reader();

    /** A fresh creating request (new ids and keys on every call) that would succeed as it is. */
    protected abstract Creation creation();

    @Test
    void pagesPastTheBoundAreRefusedNamingPage() {
        for (String page : new String[] { "21474837", "2147483647", "101" }) {
            list().queryParam("page", page).queryParam("size", 100).get(listPath()).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("page"));
        }
        list().queryParam("page", 100).queryParam("size", 100).get(listPath()).then().statusCode(200)
                .body("page", equalTo(100));
        list().queryParam("size", Integer.MAX_VALUE).get(listPath()).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("size"));
        list().queryParam("page", "99999999999").get(listPath()).then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownFieldsAreRefusedByNameAndNothingIsCreated() {
        long before = total();
        Creation creation = creation();
        Map<String, Object> body = new LinkedHashMap<>(creation.body());
        body.put("approvedBy", "me");
        body.put("priority", Map.of("level", "first"));
        send(creation, body).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("approvedBy", "priority"))
                .body("errors.message", everyItem(equalTo("unknown field")));
        assertThat(total()).as("nothing created").isEqualTo(before);

        send(creation, creation.body()).then().statusCode(201);
        assertThat(total()).as("the same request without the unknown fields is taken").isEqualTo(before + 1);
    }

    @Test
    void malformedJsonIsRefusedAndNothingIsCreated() {
        long before = total();
        Creation creation = creation();
        String valid = json(creation.body());
        String firstField = creation.body().keySet().iterator().next();

        send(creation, valid.substring(0, valid.length() / 2)).then().statusCode(400)
                .contentType("application/problem+json");
        send(creation, "{\"" + firstField + "\": 1, " + valid.substring(1)).then().statusCode(400)
                .contentType("application/problem+json");
        for (String trailing : new String[] { "}", "]", " {}", " 1", "," }) {
            send(creation, valid + trailing).then().statusCode(400).contentType("application/problem+json")
                    .body("title", equalTo("Malformed JSON"));
        }
        Map<String, Object> wrongType = new LinkedHashMap<>(creation.body());
        wrongType.put(firstField, Map.of("nested", List.of(1, 2)));
        send(creation, wrongType).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains(firstField));
        if (creation.freeText() != null) {
            Map<String, Object> withNul = new LinkedHashMap<>(creation.body());
            withNul.put(creation.freeText(), "before\u0000after");
            send(creation, withNul).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains(creation.freeText()));
        }
        assertThat(total()).as("nothing created").isEqualTo(before);
    }

    @Test
    void bodiesOverOneMebibyteAreRefusedWith413() {
        long before = total();
        Creation creation = creation();
        Map<String, Object> huge = new LinkedHashMap<>(creation.body());
        huge.put(creation.body().keySet().iterator().next(), "x".repeat(MAX_BODY_BYTES));
        send(creation, huge).then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));

        // sent in full before the answer is read, as most clients do, and more than loopback's socket buffers take
        // (several MiB): a connection closed on the unread rest would break the pipe under the client
        byte[] twelveMebibytes = "x".repeat(12 * MAX_BODY_BYTES).getBytes(StandardCharsets.US_ASCII);
        Map<String, String> declared = new LinkedHashMap<>(creation.headers());
        declared.put("Content-Type", "application/json");
        declared.put("Content-Length", Integer.toString(twelveMebibytes.length));
        RawHttp.Answer answer = RawHttp.send(http.getPort(), creation.method(), creation.path(), declared,
                twelveMebibytes, Duration.ofSeconds(10));
        assertThat(answer.status()).as("a declared body over the limit: %s", answer.head()).isEqualTo(413);
        assertThat(answer.closed()).as("connection closed after the body").isTrue();

        String chunk = "100000\r\n" + "x".repeat(0x100000) + "\r\n";
        byte[] twelveChunks = (chunk.repeat(12) + "0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        Map<String, String> chunked = new LinkedHashMap<>(creation.headers());
        chunked.put("Content-Type", "application/json");
        chunked.put("Transfer-Encoding", "chunked");
        answer = RawHttp.send(http.getPort(), creation.method(), creation.path(), chunked, twelveChunks,
                Duration.ofSeconds(10));
        assertThat(answer.status()).as("a chunked body over the limit: %s", answer.head()).isEqualTo(413);
        assertThat(answer.closed()).as("connection closed after the body").isTrue();
        assertThat(total()).as("nothing created").isEqualTo(before);
    }

    @Test
    void aTricklingBodyIsCutOffAfterTheBodyTimeout() {
        long before = total();
        Creation creation = creation();
        Map<String, String> headers = new LinkedHashMap<>(creation.headers());
        headers.put("Content-Type", "application/json");
        headers.put("Content-Length", "5000");
        RawHttp.Answer answer = RawHttp.send(http.getPort(), creation.method(), creation.path(), headers,
                "{\"id\": \"".getBytes(StandardCharsets.US_ASCII), BODY_TIMEOUT.multipliedBy(5));
        assertThat(answer.status()).as("answer to a body that stopped: %s", answer.head()).isEqualTo(408);
        assertThat(answer.head()).containsIgnoringCase("content-type: application/problem+json");
        assertThat(answer.closed()).as("connection closed").isTrue();
        assertThat(answer.elapsed()).isBetween(BODY_TIMEOUT.minusMillis(200), BODY_TIMEOUT.multipliedBy(3));
        assertThat(total()).as("nothing created").isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = { ";x=1", "/;x=1", "/a%2Fb", "/a%2fb", "/a%5Cb", "/a%3Bb", "/a%00b", "?x=%00" })
    void pathTricksAreRefused(String trick) {
        RawHttp.Answer answer = rawGet(listPath() + trick);
        assertThat(answer.status()).as("%s: %s", trick, answer.head()).isEqualTo(400);
        assertThat(answer.head()).containsIgnoringCase("content-type: application/problem+json");
    }

    /** Not even a request: the HTTP codec answers 400 before any route, with no body to format. */
    @Test
    void aRawBackslashIsRefusedByTheHttpCodec() {
        RawHttp.Answer answer = rawGet(listPath() + "/a\\b");
        assertThat(answer.status()).as(answer.head()).isEqualTo(400);
    }

    @Test
    void junkAndForeignTokensAreRefusedWithoutAskingTheIdentityProvider() {
        list().get(listPath()).then().statusCode(200);
        assertThat(TestOidcServer.requests(Endpoint.KEYS)).as("the service verifies with the provider's keys")
                .isPositive();
        Map<Endpoint, Integer> before = TestOidcServer.requests();

        for (String authorization : new String[] {
                "Bearer junk",
                "Bearer " + "x".repeat(4000),
                "Bearer a.b.c",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.",
                TestTokens.user("intruder", "network-admin").signedByForeignKey().bearer(),
                TestTokens.user("intruder", "network-admin").expired().bearer(),
                TestTokens.user("intruder", "network-admin").issuer("https://evil.example/realms/bwu").bearer() }) {
            given().header("Authorization", authorization).get(listPath()).then()
                    .statusCode(401).contentType("application/problem+json");
        }

        assertThat(TestOidcServer.requests()).as("requests to the identity provider").isEqualTo(before);
    }

    /**
     * A token under a key id the service has not seen may be signed by a key Keycloak has just rotated in: the
     * service refreshes the provider's keys, at most once per {@code quarkus.oidc.token.forced-jwk-refresh-interval}
     * however many such tokens arrive, and never asks the provider about the token itself.
     */
    @Test
    void tokensUnderUnknownKeyIdsRefreshTheKeysAtMostOnce() {
        list().get(listPath()).then().statusCode(200);
        Map<Endpoint, Integer> before = TestOidcServer.requests();

        for (int i = 0; i < 20; i++) {
            given().header("Authorization", TestTokens.user("intruder-" + i, "network-admin").signedByUnknownKey()
                    .bearer()).get(listPath()).then().statusCode(401).contentType("application/problem+json");
        }

        Map<Endpoint, Integer> after = TestOidcServer.requests();
        assertThat(after.get(Endpoint.KEYS) - before.get(Endpoint.KEYS)).as("key refreshes").isLessThanOrEqualTo(1);
        after.remove(Endpoint.KEYS);
        before.remove(Endpoint.KEYS);
        assertThat(after).as("requests to the identity provider other than for its keys").isEqualTo(before);
    }

    private RawHttp.Answer rawGet(String target) {
        return RawHttp.send(http.getPort(), "GET", target, Map.of("Authorization", reader(), "Connection", "close"),
                new byte[0], Duration.ofSeconds(10));
    }

    private RequestSpecification list() {
        return given().header("Authorization", reader());
    }

    private long total() {
        return list().get(listPath()).then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static Response send(Creation creation, Object body) {
        RequestSpecification request = given().headers(creation.headers()).contentType(ContentType.JSON);
        request = body instanceof String text ? request.body(text) : request.body(body);
        return request.request(creation.method(), creation.path());
    }

    private static String json(Map<String, Object> body) {
        try {
            return new ObjectMapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
