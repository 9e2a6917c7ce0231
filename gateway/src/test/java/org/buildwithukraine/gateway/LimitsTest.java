package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.gateway.Api.PROBLEM_JSON;
import static org.buildwithukraine.gateway.Api.as;
import static org.buildwithukraine.gateway.Api.user;
import static org.buildwithukraine.gateway.RouteTable.MANUFACTURER;
import static org.buildwithukraine.gateway.RouteTable.NETWORK_ADMIN;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.buildwithukraine.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@StubbedPlatform
class LimitsTest {

    private static final int ONE_MIB = 1024 * 1024;

    @BeforeEach
    void reset() {
        StubBackends.resetAll();
    }

    @Test
    void bodiesUpToOneMebibytePass() {
        as(user("admin", NETWORK_ADMIN)).contentType(ContentType.JSON).body(json(ONE_MIB))
                .post("/api/factories").then()
                .statusCode(200)
                .body("bodyLength", equalTo(ONE_MIB));
    }

    @Test
    void largerBodiesAreRefusedBeforeTheyReachAService() {
        as(user("admin", NETWORK_ADMIN)).contentType(ContentType.JSON).body(json(ONE_MIB + 1))
                .post("/api/factories").then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(413));
        assertThat(StubBackends.stub("factory").received()).isEmpty();
    }

    @Test
    void largerBodiesWithoutALengthAreRefusedToo() {
        // a stream of unknown length goes chunked: the gateway counts while reading
        InputStream chunked = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(json(ONE_MIB / 2).getBytes()),
                new ByteArrayInputStream(json(ONE_MIB / 2 + 10).getBytes()))));
        as(user("admin", NETWORK_ADMIN)).contentType(ContentType.JSON).body(chunked)
                .post("/api/factories").then()
                .statusCode(413)
                .contentType(PROBLEM_JSON);
        assertThat(StubBackends.stub("factory").received()).isEmpty();
    }

    @Test
    void aCallerOverItsRateIsToldWhenToRetryWhileOthersGoOn() {
        var mes = TestTokens.client("rate-limited-mes", MANUFACTURER).factory("de-munich");
        String token = mes.bearer();
        for (int i = 0; i < 3; i++) {
            as(token).get("/api/lines/DE-MUC-01").then().statusCode(200);
        }
        String retryAfter = as(token).get("/api/lines/DE-MUC-01").then()
                .statusCode(429)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(429))
                .extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 5);
        // another token of the same client is the same caller; a different caller is not held back
        as(mes).get("/api/lines/DE-MUC-01").then().statusCode(429);
        as(user("maker-de", MANUFACTURER).factory("de-munich")).get("/api/lines/DE-MUC-01").then().statusCode(200);
    }

    private static String json(int length) {
        char[] filler = new char[length - 8];
        Arrays.fill(filler, 'x');
        return "{\"x\":\"" + new String(filler) + "\"}";
    }
}
