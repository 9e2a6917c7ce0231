package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.gateway.Api.PROBLEM_JSON;
import static org.buildwithukraine.gateway.Api.as;
import static org.buildwithukraine.gateway.Api.getAsync;
import static org.buildwithukraine.gateway.Api.user;
import static org.buildwithukraine.gateway.RouteTable.MANUFACTURER;
import static org.buildwithukraine.gateway.RouteTable.NETWORK_ADMIN;
import static org.buildwithukraine.gateway.RouteTable.ORDER_DESK;
import static org.buildwithukraine.gateway.RouteTable.TECHNOLOGY_OFFICER;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.buildwithukraine.gateway.proxy.Backends;
import org.buildwithukraine.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The test configuration gives each backend 500 ms, and opens a breaker after 3 failures for 1 s. */
@QuarkusTest
@StubbedPlatform
class BackendFailureTest {

    private static final int PARALLEL_CALLERS = 12;

    @Inject
    Backends backends;

    @TestHTTPResource("/api/lines/UK-BRS-01")
    URI ukLine;

    private final TestTokens.Builder everyone = user("everyone", NETWORK_ADMIN, TECHNOLOGY_OFFICER, ORDER_DESK,
            MANUFACTURER);

    @BeforeEach
    @AfterEach
    void reset() {
        StubBackends.resetAll();
        // whatever a test did to a breaker: a successful trial closes it again
        for (String path : new String[] { "/api/factories", "/api/licences", "/api/orders", "/api/lines/DE-1",
                "/api/lines/UK-1" }) {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(everyone).get(path).then().statusCode(200));
        }
        StubBackends.resetAll();
    }

    @Test
    void aServiceThatIsDownIsUnavailableWhileTheOthersWork() {
        StubBackends.stub("licence").down();

        as(everyone).get("/api/licences").then()
                .statusCode(503)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(503))
                .body("detail", containsString("licence"));
        as(everyone).get("/api/factories").then().statusCode(200).body("backend", equalTo("factory"));
        as(everyone).get("/api/orders").then().statusCode(200).body("backend", equalTo("routing"));
        as(everyone).get("/api/lines").then().statusCode(200);
    }

    @Test
    void aRegionThatIsDownFailsTheMergedListByNameButNotTheOtherRegion() {
        StubBackends.stub("uk").down();

        as(everyone).get("/api/lines").then()
                .statusCode(503)
                .contentType(PROBLEM_JSON)
                .body("missingRegions", contains("uk"))
                .body("detail", containsString("uk"));
        as(everyone).get("/api/lines/UK-BRS-01").then().statusCode(503).contentType(PROBLEM_JSON);
        as(everyone).get("/api/lines/DE-MUC-01").then().statusCode(200).body("backend", equalTo("de"));
    }

    @Test
    void aSlowRegionTimesTheMergedListOut() {
        StubBackends.stub("de").slow(2_000);

        // a 504 at all shows the gateway gave up before the region's answer (which would be a 200)
        as(everyone).get("/api/lines").then()
                .statusCode(504)
                .contentType(PROBLEM_JSON)
                .body("missingRegions", contains("de"));
    }

    @Test
    void aSlowServiceTimesOutThenItsBreakerOpensAndClosesWhenItRecovers() {
        StubBackends.stub("factory").slow(2_000);

        for (int i = 0; i < 3; i++) {
            as(everyone).get("/api/factories").then()
                    .statusCode(504)
                    .contentType(PROBLEM_JSON)
                    .body("status", equalTo(504));
        }
        int reached = StubBackends.stub("factory").received().size();
        // open: refused by the gateway itself, the backend never sees the request
        String retryAfter = as(everyone).get("/api/factories/de-munich").then()
                .statusCode(503)
                .contentType(PROBLEM_JSON)
                .extract().header("Retry-After");
        assertThat(retryAfter).isEqualTo("1");
        assertThat(StubBackends.stub("factory").received()).hasSize(reached);
        as(everyone).get("/api/licences").then().statusCode(200);

        StubBackends.stub("factory").slow(0);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(
                () -> as(everyone).get("/api/factories").then().statusCode(200).body("backend", equalTo("factory")));
        assertThat(StubBackends.stub("factory").received()).hasSizeGreaterThan(reached);
    }

    @Test
    void aFailedTrialReopensTheBreakerAndTheBackendSeesNothingMoreUntilTheNextTrial() {
        StubBackends.stub("routing").failWith(503);
        for (int i = 0; i < 3; i++) {
            as(everyone).get("/api/orders").then().statusCode(503).body("title", equalTo("stub failure"));
        }
        int beforeTrial = StubBackends.stub("routing").received().size();
        as(everyone).get("/api/orders").then().statusCode(503).body("detail", containsString("paused"));

        // once the open time is over one request goes through as the trial, and the backend still fails it
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            as(everyone).get("/api/orders").then().statusCode(503);
            return StubBackends.stub("routing").received().size() > beforeTrial;
        });
        assertThat(StubBackends.stub("routing").received()).hasSize(beforeTrial + 1);
        as(everyone).get("/api/orders").then()
                .statusCode(503)
                .contentType(PROBLEM_JSON)
                .header("Retry-After", "1")
                .body("detail", containsString("paused"));
        assertThat(StubBackends.stub("routing").received()).as("open again after the failed trial")
                .hasSize(beforeTrial + 1);
    }

    /**
     * Many callers arriving once the open time is over: one trial reaches the backend, held there until every other
     * caller has been refused, and its failure opens the breaker again.
     */
    @Test
    void underParallelCallsOneTrialReachesTheBackendAndItsFailureReopensTheBreaker() throws Exception {
        StubBackends.Stub uk = StubBackends.stub(StubBackends.PATIENT);
        uk.failWith(503);
        for (int i = 0; i < 3; i++) {
            as(everyone).get("/api/lines/UK-BRS-01").then().statusCode(503).body("title", equalTo("stub failure"));
        }
        CircuitBreaker breaker = backends.region(StubBackends.PATIENT).breaker();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker.remainingOpenNanos(System.nanoTime()) == 0);
        int beforeTrial = uk.received().size();
        uk.hold();

        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < PARALLEL_CALLERS; i++) {
            // callers of their own, so that none is held back by the limit on one caller's open requests
            answers.add(getAsync(ukLine, user("caller-" + i, NETWORK_ADMIN)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> uk.heldRequests() == 1
                && answers.stream().filter(CompletableFuture::isDone).count() == PARALLEL_CALLERS - 1);
        assertThat(uk.received()).as("the trial alone reached the backend").hasSize(beforeTrial + 1);
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            if (answer.isDone()) {
                assertThat(answer.get().statusCode()).isEqualTo(503);
                assertThat(answer.get().body()).contains("paused");
            }
        }

        uk.releaseHeld();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
        }
        assertThat(answers).filteredOn(answer -> answer.join().body().contains("stub failure"))
                .as("the trial's answer, the backend's own").hasSize(1);
        assertThat(breaker.state()).as("open again after the failed trial").isEqualTo(CircuitBreaker.State.OPEN);
        as(everyone).get("/api/lines/UK-BRS-01").then()
                .statusCode(503)
                .header("Retry-After", "1")
                .body("detail", containsString("paused"));
        assertThat(uk.received()).hasSize(beforeTrial + 1);
    }

    @Test
    void aServiceAnsweringUnavailableCountsAsFailingToo() {
        StubBackends.stub("routing").failWith(503);
        for (int i = 0; i < 3; i++) {
            // the service's own answer is passed on, its Retry-After (a database outage's) included
            as(everyone).get("/api/orders").then().statusCode(503).header("Retry-After", "5")
                    .body("title", equalTo("stub failure"));
        }
        as(everyone).get("/api/orders").then()
                .statusCode(503)
                .contentType(PROBLEM_JSON)
                .header("Retry-After", "1")
                .body("detail", containsString("paused"));
    }
}
