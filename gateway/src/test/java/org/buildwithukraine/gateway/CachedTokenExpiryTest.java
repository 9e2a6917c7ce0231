package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.gateway.Api.PROBLEM_JSON;
import static org.buildwithukraine.gateway.Api.as;
import static org.buildwithukraine.gateway.Api.user;
import static org.buildwithukraine.gateway.RouteTable.NETWORK_ADMIN;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.buildwithukraine.gateway.proxy.Authenticator;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The gateway's cache of verified tokens never outlives a token: a token answered from it is refused past exp. */
@QuarkusTest
@StubbedPlatform
class CachedTokenExpiryTest {

    @Inject
    Authenticator authenticator;

    @Test
    void aCachedTokenIsRefusedOnceItsExpHasPassed() {
        Instant expiresAt = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 3);
        String bearer = user("admin-short-lived", NETWORK_ADMIN).expiresAt(expiresAt).bearer();
        String token = bearer.substring("Bearer ".length());

        as(bearer).get("/api/factories").then().statusCode(200);
        assertThat(authenticator.cached(token)).as("verified once, then answered from the cache").isNotNull();
        as(bearer).get("/api/factories").then().statusCode(200);

        // the token's own clock: nothing but time passing can expire it
        await().atMost(Duration.ofSeconds(6)).until(() -> Instant.now().getEpochSecond() >= expiresAt.getEpochSecond());

        as(bearer).get("/api/factories").then().statusCode(401).contentType(PROBLEM_JSON);
        assertThat(authenticator.cached(token)).as("past exp the cache answers nothing").isNull();
    }
}
