package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.gateway.Api.PROBLEM_JSON;
import static org.buildwithukraine.gateway.Api.as;
import static org.buildwithukraine.gateway.Api.user;
import static org.buildwithukraine.gateway.RouteTable.MANUFACTURER;
import static org.buildwithukraine.gateway.RouteTable.NETWORK_ADMIN;
import static org.buildwithukraine.gateway.RouteTable.ORDER_DESK;
import static org.hamcrest.Matchers.equalTo;

import java.lang.management.ManagementFactory;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.buildwithukraine.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * What a determined caller might send the gateway, and that each is refused with the right problem (never a 5xx
 * for the caller's own fault, never an out-of-memory) before it reaches a service or Keycloak. Test profile:
 * body read timeout 1 s, 100 requests in flight, 4 per caller.
 */
@QuarkusTest
@StubbedPlatform
class HostileInputTest {

    private static final int ONE_MIB = 1024 * 1024;
    private static final int MAX_IN_FLIGHT = 100;
    private static final int MAX_IN_FLIGHT_PER_CALLER = 4;

    @Inject
    InFlight inFlight;

    @BeforeEach
    void reset() {
        StubBackends.resetAll();
        await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.requests() == 0);
    }

    @Test
    void hugePagingIsAnsweredWithTheServicesRefusalNotAFailure() {
        var admin = user("admin", NETWORK_ADMIN);
        // every region refuses the page; the merged list passes the refusal on instead of failing
        as(admin).get("/api/lines?page=21474837&size=100").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("page"));
        as(admin).get("/api/factories?page=21474837&size=100").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
        as(admin).get("/api/lines?page=99999999999999999999").then().statusCode(400);
    }

    @Test
    void unknownFieldsGoOnUnchangedForTheServiceToJudge() {
        String body = "{\"name\":\"Munich\",\"isAdmin\":true,\"__proto__\":{\"x\":1}}";
        as(user("admin", NETWORK_ADMIN)).contentType(ContentType.JSON).body(body).post("/api/factories").then()
                .statusCode(200);
        assertThat(StubBackends.stub("factory").last().body()).isEqualTo(body);

        StubBackends.stub("factory").failWith(400);
        as(user("admin", NETWORK_ADMIN)).contentType(ContentType.JSON).body(body).post("/api/factories").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void anOversizedBodyIsRefusedWith413() throws Exception {
        try (RawHttp connection = new RawHttp(5000)) {
            connection.head("POST", "/api/factories", Map.of("Authorization", user("admin", NETWORK_ADMIN).bearer(),
                    "Content-Type", "application/json", "Content-Length", Long.toString(ONE_MIB + 1L)));
            RawHttp.Answer answer = connection.answer();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.header("Content-Type")).isEqualTo(PROBLEM_JSON);
        }
        assertThat(StubBackends.stub("factory").received()).isEmpty();
    }

    @Test
    void aBodyThatTricklesInIsCutOffAfterTheReadTimeout() throws Exception {
        long started = System.nanoTime();
        try (RawHttp connection = new RawHttp(200)) {
            connection.head("POST", "/api/factories", Map.of("Authorization", user("admin", NETWORK_ADMIN).bearer(),
                    "Content-Type", "application/json", "Content-Length", "100"));
            RawHttp.Answer answer = null;
            for (int i = 0; i < 30 && answer == null; i++) {
                connection.write(new byte[] { ' ' });
                answer = connection.answer();
            }
            assertThat(answer).as("an answer while the body trickles in").isNotNull();
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.header("Content-Type")).isEqualTo(PROBLEM_JSON);
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900),
                    Duration.ofSeconds(4));
            await().atMost(Duration.ofSeconds(2)).until(connection::closedByGateway);
        }
        assertThat(StubBackends.stub("factory").received()).isEmpty();
    }

    /**
     * 400 callers each declare a 1 MiB body and send 1 KB of it. The gateway takes memory only for what
     * arrived, handles at most 100 of them (the others get 503 at once) and cuts those off after the read timeout.
     * Before, each declared length was reserved up front: 400 MiB for 400 KB received.
     */
    @Test
    void manyDeclaredLargeBodiesHoldOnlyWhatArrivedAndAreRefusedOrCutOff() throws Exception {
        int connections = 400;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            tokens.add(user("caller-" + i, NETWORK_ADMIN).bearer());
        }
        byte[] kilobyte = new byte[1024];
        Arrays.fill(kilobyte, (byte) ' ');
        long heapBefore = usedHeapAfterGc();

        List<RawHttp> open = new ArrayList<>();
        try {
            // connected first, so that the requests arrive together, well within the read timeout
            for (int i = 0; i < connections; i++) {
                open.add(new RawHttp(5000));
            }
            for (int i = 0; i < connections; i++) {
                open.get(i).head("POST", "/api/factories", Map.of("Authorization", tokens.get(i),
                        "Content-Type", "application/json", "Content-Length", Integer.toString(ONE_MIB)));
                open.get(i).write(kilobyte);
            }
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> inFlight.bodyBytes() >= (MAX_IN_FLIGHT - 10L) * kilobyte.length);
            long heapWhileHeld = usedHeapAfterGc();
            assertThat(inFlight.requests()).isLessThanOrEqualTo(MAX_IN_FLIGHT);
            assertThat(inFlight.bodyBytes()).isLessThanOrEqualTo((long) MAX_IN_FLIGHT * kilobyte.length);
            assertThat(heapWhileHeld - heapBefore).as("heap taken by 400 declared MiB bodies")
                    .isLessThan(32L * ONE_MIB);

            Map<Integer, Integer> statuses = new HashMap<>();
            for (RawHttp connection : open) {
                RawHttp.Answer answer = connection.answer();
                assertThat(answer).as("every connection is answered").isNotNull();
                assertThat(answer.header("Content-Type")).isEqualTo(PROBLEM_JSON);
                if (answer.status() == 503) {
                    assertThat(answer.header("Retry-After")).isEqualTo("1");
                }
                statuses.merge(answer.status(), 1, Integer::sum);
            }
            // the first ones are cut off while later ones are still connecting, and free their places for others
            assertThat(statuses.keySet()).containsExactlyInAnyOrder(408, 503);
        } finally {
            for (RawHttp connection : open) {
                connection.close();
            }
        }
        assertThat(StubBackends.stub("factory").received()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.requests() == 0 && inFlight.bodyBytes() == 0
                && inFlight.callers() == 0);
    }

    @Test
    void aCallerWithTooManyRequestsUnderWayIsToldToRetryWhileOthersGoOn() throws Exception {
        var desk = user("busy-desk", ORDER_DESK);
        List<RawHttp> underWay = new ArrayList<>();
        try {
            // requests whose bodies have not arrived yet stay under way until the read timeout
            for (int i = 0; i < MAX_IN_FLIGHT_PER_CALLER; i++) {
                RawHttp connection = new RawHttp(5000);
                underWay.add(connection);
                connection.head("POST", "/api/orders", Map.of("Authorization", desk.bearer(),
                        "Content-Type", "application/json", "Content-Length", "10"));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.requests() == MAX_IN_FLIGHT_PER_CALLER);

            as(desk).get("/api/orders").then()
                    .statusCode(429)
                    .contentType(PROBLEM_JSON)
                    .header("Retry-After", "1");
            as(user("other-desk", ORDER_DESK)).get("/api/orders").then().statusCode(200);
            for (RawHttp connection : underWay) {
                assertThat(connection.answer().status()).isEqualTo(408);
            }
        } finally {
            for (RawHttp connection : underWay) {
                connection.close();
            }
        }
        as(desk).get("/api/orders").then().statusCode(200);
        assertThat(StubBackends.stub("routing").received()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/factories;x=1",
            "/api/factories/de-munich;jsessionid=1/status",
            "/api/lines/DE-MUC-01%2F..%2Fallocations",
            "/api/lines/DE-MUC-01%2fallocations",
            "/api/factories%5Cde-munich",
            "/api/factories%5cde-munich",
            "/api/../q/openapi",
            "/api/lines/DE-MUC-01/../../factories",
            "/api/%2e%2e/q/openapi",
            "/api/lines/%2E%2E/factories",
            "/api/./factories",
            "/api/factories/%3Bx",
            "/api/factories/%252F",
            "/api/factories/%00" })
    void pathTricksAreRefusedBeforeRoutingAndRoleChecks(String path) throws Exception {
        for (String token : new String[] { user("admin", NETWORK_ADMIN, MANUFACTURER, ORDER_DESK).bearer(), null }) {
            try (RawHttp connection = new RawHttp(5000)) {
                connection.head("GET", path, token == null ? Map.of() : Map.of("Authorization", token));
                RawHttp.Answer answer = connection.answer();
                assertThat(answer.status()).as(path).isEqualTo(400);
                assertThat(answer.header("Content-Type")).isEqualTo(PROBLEM_JSON);
                assertThat(answer.body()).contains("\"status\":400");
            }
        }
        StubBackends.SERVICES.forEach(s -> assertThat(StubBackends.stub(s).received()).isEmpty());
        StubBackends.REGIONS.forEach(s -> assertThat(StubBackends.stub(s).received()).isEmpty());
    }

    /**
     * Request lines the HTTP server's parser cannot read are refused by it, before any filter of the gateway runs:
     * still 400 and never passed on, but without a problem body.
     */
    @ParameterizedTest
    @ValueSource(strings = { "/api/factories\\de-munich", "/api/factories/%zz" })
    void unreadablePathsAreRefusedByTheHttpServerItself(String path) throws Exception {
        try (RawHttp connection = new RawHttp(5000)) {
            connection.head("GET", path, Map.of("Authorization", user("admin", NETWORK_ADMIN).bearer()));
            assertThat(connection.answer().status()).isEqualTo(400);
        }
        assertThat(StubBackends.stub("factory").received()).isEmpty();
    }

    @Test
    void junkAndForeignTokensAreRefusedWithoutAskingTheIdentityProvider() throws Exception {
        // the keys are fetched (at start or now); from then on verifying a token needs no call
        as(user("officer", RouteTable.TECHNOLOGY_OFFICER)).get("/api/technologies").then().statusCode(200);
        StubIdentityProvider.forget();
        StubBackends.resetAll();

        var foreignKey = KeyPairGenerator.getInstance("RSA");
        foreignKey.initialize(2048);
        var foreign = foreignKey.generateKeyPair();
        List<String> junk = List.of(
                "not-a-jwt",
                "a.b.c",
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJpbnRydWRlciJ9.",
                "x".repeat(8000),
                user("officer", NETWORK_ADMIN).signedByForeignKey().token(),
                intruder().jws().keyId("test").sign(foreign.getPrivate()),
                intruder().jws().algorithm(SignatureAlgorithm.HS256).keyId("test")
                        .signWithSecret("a-secret-anyone-could-guess-32-bytes!"),
                user("officer", NETWORK_ADMIN).issuer("https://evil.example/realms/bwu").token(),
                user("officer", NETWORK_ADMIN).expired().token());
        for (String token : junk) {
            as("Bearer " + token).get("/api/technologies").then()
                    .statusCode(401)
                    .contentType(PROBLEM_JSON)
                    .header("WWW-Authenticate", "Bearer");
        }
        assertThat(StubIdentityProvider.received()).as("calls to the identity provider").isEmpty();
        assertThat(StubBackends.stub("licence").received()).isEmpty();
    }

    /**
     * A token naming a key the gateway does not know may be the first of a rotated realm key, so quarkus-oidc
     * fetches the key set again, but at most once per forced-refresh interval (10 min): however many such tokens
     * come, they cost Keycloak one call, and none is introspected.
     */
    @Test
    void tokensOfUnknownKeysCostAtMostOneKeySetFetch() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var foreign = generator.generateKeyPair();
        StubIdentityProvider.forget();
        for (int i = 0; i < 20; i++) {
            as("Bearer " + intruder().jws().keyId("rotated-" + i).sign(foreign.getPrivate()))
                    .get("/api/technologies").then()
                    .statusCode(401)
                    .contentType(PROBLEM_JSON);
        }
        assertThat(StubIdentityProvider.received()).hasSizeLessThanOrEqualTo(1)
                .allMatch(call -> call.equals("GET /realms/bwu/protocol/openid-connect/certs"));
    }

    /** Claims as the realm's tokens have them, for signing with keys the gateway does not trust. */
    private static JwtClaimsBuilder intruder() {
        return Jwt.claims().issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("intruder")
                .claim("realm_access", Map.of("roles", List.of(NETWORK_ADMIN))).expiresIn(300);
    }

    private static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
