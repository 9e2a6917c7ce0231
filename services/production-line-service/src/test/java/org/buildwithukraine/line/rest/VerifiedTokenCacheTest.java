package org.buildwithukraine.line.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.line.Requests.TECHNOLOGY;
import static org.buildwithukraine.line.Requests.as;
import static org.buildwithukraine.line.Requests.line;
import static org.buildwithukraine.line.Requests.lineId;
import static org.buildwithukraine.line.Requests.uniqueId;
import static org.hamcrest.Matchers.contains;

import java.time.Instant;

import jakarta.inject.Inject;

import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.line.Events;
import org.buildwithukraine.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The kit's cache of verified tokens in a real service: a token is verified by quarkus-oidc once, its further
 * requests are answered from the cache with the token's own roles and claims, and nothing but the exact token text
 * that was verified, before its exp, is ever answered from it.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    MeterRegistry registry;

    private static String factory;
    private static String otherFactory;

    @BeforeEach
    void factories() {
        if (factory == null) {
            factory = uniqueId("de-cache");
            otherFactory = uniqueId("de-cache-other");
            Events.activeManufacturer(factory);
            Events.activeManufacturer(otherFactory);
        }
    }

    @Test
    void aTokenIsVerifiedOnceAndItsRolesAndClaimsHoldOnEveryLaterRequest() {
        String makerName = uniqueId("maker");
        String maker = TestTokens.user(makerName, Roles.MANUFACTURER).factory(factory).bearer();
        String otherMaker = TestTokens.user(uniqueId("maker"), Roles.MANUFACTURER).factory(otherFactory).bearer();
        String orderDesk = TestTokens.user(uniqueId("desk"), Roles.ORDER_DESK).bearer();
        double hits = hits();
        double misses = misses();

        String first = lineId("de", "CCH");
        as(maker).body(line(factory, TECHNOLOGY, 100)).put("/api/lines/{id}", first).then().statusCode(201);
        assertThat(misses() - misses).as("verifications of the first request").isEqualTo(1);
        assertThat(hits() - hits).as("answers from the cache for the first request").isZero();

        String second = lineId("de", "CCH");
        as(maker).body(line(factory, TECHNOLOGY, 100)).put("/api/lines/{id}", second).then().statusCode(201);
        // the actor comes from the injected JsonWebToken, the right to the line from the token's organization claim
        as(maker).get("/api/lines/{id}/history", second).then().statusCode(200)
                .body("items.changedBy", contains(makerName));
        as(maker).body(line(otherFactory, TECHNOLOGY, 100)).put("/api/lines/{id}", lineId("de", "CCH")).then()
                .statusCode(403).contentType("application/problem+json");
        assertThat(misses() - misses).as("verifications after the first request").isEqualTo(1);
        assertThat(hits() - hits).as("answers from the cache").isEqualTo(3);

        // other tokens are verified once each and keep their own claims and roles, cached or not
        for (int i = 0; i < 2; i++) {
            as(otherMaker).get("/api/lines/{id}/history", second).then().statusCode(403);
            as(orderDesk).get("/api/lines/{id}", first).then().statusCode(200);
            as(orderDesk).body(line(factory, TECHNOLOGY, 100)).put("/api/lines/{id}", lineId("de", "CCH")).then()
                    .statusCode(403);
        }
        assertThat(misses() - misses).as("verifications of three tokens").isEqualTo(3);
        assertThat(hits() - hits).as("answers from the cache").isEqualTo(3 + 4);
    }

    @Test
    void aCachedTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        Instant expiresAt = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 3);
        String desk = TestTokens.user(uniqueId("desk"), Roles.ORDER_DESK).expiresAt(expiresAt).bearer();
        as(desk).get("/api/lines").then().statusCode(200);
        double hits = hits();
        as(desk).get("/api/lines").then().statusCode(200);
        assertThat(hits() - hits).as("answers from the cache before exp").isEqualTo(1);

        Thread.sleep(Math.max(0, expiresAt.toEpochMilli() - System.currentTimeMillis()) + 1100);

        double misses = misses();
        as(desk).get("/api/lines").then().statusCode(401).contentType("application/problem+json");
        assertThat(hits() - hits).as("answers from the cache after exp").isEqualTo(1);
        assertThat(misses() - misses).as("the expired token handed to quarkus-oidc").isEqualTo(1);
    }

    /** The same header and claims as a cached token under a signature the realm never made: verified, refused. */
    @Test
    void aTokenWithAnotherSignatureNeverHitsTheCache() {
        String name = uniqueId("admin");
        String token = TestTokens.user(name, Roles.NETWORK_ADMIN).token();
        String forged = TestTokens.user(name, Roles.NETWORK_ADMIN).signedByForeignKey().token();
        String signedContent = token.substring(0, token.lastIndexOf('.') + 1);
        String otherSignature = forged.substring(forged.lastIndexOf('.') + 1);
        as("Bearer " + token).get("/api/lines").then().statusCode(200);
        double hits = hits();
        double misses = misses();

        for (String candidate : new String[] { signedContent + otherSignature, signedContent,
                signedContent + otherSignature + token.substring(token.lastIndexOf('.') + 1), token + "." }) {
            as("Bearer " + candidate).get("/api/lines").then().statusCode(401)
                    .contentType("application/problem+json");
        }
        assertThat(hits() - hits).as("answers from the cache").isZero();
        assertThat(misses() - misses).as("tokens handed to quarkus-oidc").isEqualTo(4);

        as("Bearer " + token).get("/api/lines").then().statusCode(200);
        assertThat(hits() - hits).as("the verified token itself").isEqualTo(1);
    }

    private double hits() {
        return count("bwu.token.cache.hits");
    }

    private double misses() {
        return count("bwu.token.cache.misses");
    }

    /** Zero before the first authentication has created the cache and its counters. */
    private double count(String counter) {
        Counter found = registry.find(counter).counter();
        return found == null ? 0 : found.count();
    }
}
