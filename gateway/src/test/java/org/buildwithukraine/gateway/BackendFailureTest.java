package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.gateway.Api.PROBLEM_JSON;
import static org.buildwithukraine.gateway.Api.as;
import static org.buildwithukraine.gateway.Api.user;
import static org.buildwithukraine.gateway.RouteTable.MANUFACTURER;
import static org.buildwithukraine.gateway.RouteTable.NETWORK_ADMIN;
import static org.buildwithukraine.gateway.RouteTable.ORDER_DESK;
import static org.buildwithukraine.gateway.RouteTable.TECHNOLOGY_OFFICER;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.time.Duration;

import org.buildwithukraine.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The test configuration gives each backend 500 ms, and opens a breaker after 3 failures for 1 s. */
@QuarkusTest
@StubbedPlatform
class BackendFailureTest {

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

        as(everyone).get("/api/lines").then()
                .statusCode(504)
                .contentType(PROBLEM_JSON)
                .body("missingRegions", contains("de"))
                .time(lessThan(1_500L));
    }

    @Test
    void aSlowServiceTimesOutThenItsBreakerOpensAndClosesWhenItRecovers() {
        StubBackends.stub("factory").slow(2_000);

        for (int i = 0; i < 3; i++) {
            as(everyone).get("/api/factories").then()
                    .statusCode(504)
                    .contentType(PROBLEM_JSON)
                    .body("status", equalTo(504))
                    .time(lessThan(1_500L));
        }
        // open: refused at once, without waiting for the backend
        String retryAfter = as(everyone).get("/api/factories/de-munich").then()
                .statusCode(503)
                .contentType(PROBLEM_JSON)
                .time(lessThan(300L))
                .extract().header("Retry-After");
        assertThat(retryAfter).isEqualTo("1");
        int reached = StubBackends.stub("factory").received().size();
        as(everyone).get("/api/licences").then().statusCode(200);

        StubBackends.stub("factory").slow(0);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(
                () -> as(everyone).get("/api/factories").then().statusCode(200).body("backend", equalTo("factory")));
        assertThat(StubBackends.stub("factory").received()).hasSizeGreaterThan(reached);
    }

    @Test
    void aServiceAnsweringUnavailableCountsAsFailingToo() {
        StubBackends.stub("routing").failWith(503);
        for (int i = 0; i < 3; i++) {
            // the service's own answer is passed on
            as(everyone).get("/api/orders").then().statusCode(503).body("title", equalTo("stub failure"));
        }
        as(everyone).get("/api/orders").then()
                .statusCode(503)
                .contentType(PROBLEM_JSON)
                .header("Retry-After", "1")
                .body("detail", containsString("paused"));
    }
}
