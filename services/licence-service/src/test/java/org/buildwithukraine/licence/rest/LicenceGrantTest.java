package org.buildwithukraine.licence.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.announceFactory;
import static org.buildwithukraine.licence.Fixtures.as;
import static org.buildwithukraine.licence.Fixtures.asOfficer;
import static org.buildwithukraine.licence.Fixtures.awaitFactoryStatus;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.buildwithukraine.licence.Fixtures.today;
import static org.buildwithukraine.licence.Fixtures.uniqueId;
import static org.buildwithukraine.licence.Fixtures.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.TestTokens;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** An officer grants licences directly: what is stored and announced, what is refused, retries. */
@QuarkusTest
class LicenceGrantTest {

    @RegisterExtension
    static final TopicRecorder licenceEvents = TopicRecorder.of(Topics.LICENCE_EVENTS);

    private static String factory;
    private static String onboarding;
    private static String technology;

    @BeforeEach
    void world() {
        if (factory != null) {
            return;
        }
        factory = activeFactory("de-grant");
        onboarding = uniqueId("de-onboarding");
        announceFactory(onboarding, FactoryEventTypes.REGISTERED, FactoryStatus.ONBOARDING, null);
        awaitFactoryStatus(onboarding, FactoryStatus.ONBOARDING);
        technology = technology(TechnologyCategory.RECON_UAV);
    }

    @Test
    void aGrantedLicenceIsStoredAnnouncedWithEverythingTheRouterNeedsAndAudited() {
        Map<String, Object> body = licence(technology, factory);
        Response created = asOfficer().body(body).post("/api/licences");
        created.then().statusCode(201)
                .header("Location", endsWith("/api/licences/" + created.path("id")))
                .body("status", equalTo("GRANTED"))
                .body("technologyCategory", equalTo("RECON_UAV"))
                .body("activities", contains("EXPORT", "PRODUCE"))
                .body("exportTerritories", contains("LT", "NO"))
                .body("quantityCap", equalTo(1000)).body("unitsConsumed", equalTo(0))
                .body("remainingQuota", equalTo(1000))
                .body("earlierRevisions", equalTo(false))
                .body("grantedBy", equalTo("officer")).body("requestedBy", nullValue());
        String id = created.path("id");

        EventEnvelope granted = licenceEvents.awaitEvents(id, 1).get(0);
        assertThat(granted.type()).isEqualTo("LicenceGranted");
        assertThat(granted.actor()).isEqualTo("officer");
        assertThat(licenceEvents.recordsFor(id).get(0).key()).isEqualTo(id);
        var snapshot = granted.payload();
        assertThat(snapshot.get("licenceId").asText()).isEqualTo(id);
        assertThat(snapshot.get("factoryId").asText()).isEqualTo(factory);
        assertThat(snapshot.get("technologyCode").asText()).isEqualTo(technology);
        assertThat(snapshot.get("technologyCategory").asText()).isEqualTo("RECON_UAV");
        assertThat(snapshot.get("activities")).extracting(n -> n.asText()).containsExactlyInAnyOrder("PRODUCE", "EXPORT");
        assertThat(snapshot.get("exportTerritories")).extracting(n -> n.asText()).containsExactlyInAnyOrder("NO", "LT");
        assertThat(snapshot.get("quantityCap").asLong()).isEqualTo(1000);
        assertThat(snapshot.get("unitsConsumed").asLong()).isZero();
        assertThat(snapshot.get("remainingQuota").asLong()).isEqualTo(1000);
        assertThat(snapshot.get("validFrom").asText()).isEqualTo(today().minusDays(1).toString());
        assertThat(snapshot.get("validTo").asText()).isEqualTo(today().plusYears(1).toString());
        assertThat(snapshot.get("status").asText()).isEqualTo("GRANTED");
        assertThat(snapshot.get("earlierRevisions").asBoolean(true)).isFalse();

        asOfficer().get("/api/licences/{id}/audit", id).then().statusCode(200)
                .body("action", contains("GRANT"))
                .body("[0].actor", equalTo("officer"))
                .body("[0].changes.status.from", nullValue())
                .body("[0].changes.status.to", equalTo("GRANTED"))
                .body("[0].changes.quantityCap.to", equalTo(1000));
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("technologyCode", "UA-NOPE-1", "technologyCode"),
                Arguments.of("technologyCode", " ", "technologyCode"),
                Arguments.of("factoryId", "xx-nowhere", "factoryId"),
                Arguments.of("factoryId", null, "factoryId"),
                Arguments.of("quantityCap", -5, "quantityCap"),
                Arguments.of("quantityCap", 0, "quantityCap"),
                Arguments.of("quantityCap", "many", "quantityCap"),
                Arguments.of("quantityCap", null, "quantityCap"),
                Arguments.of("validTo", today().minusDays(1).toString(), "validTo"),
                Arguments.of("validFrom", today().plusYears(2).toString(), "validTo"),
                Arguments.of("validFrom", "2026-13-45", "validFrom"),
                Arguments.of("validFrom", null, "validFrom"),
                Arguments.of("exportTerritories", List.of("NO", "XX"), "exportTerritories[1]"),
                Arguments.of("exportTerritories", List.of("no"), "exportTerritories[0]"),
                Arguments.of("exportTerritories", List.of("NOR"), "exportTerritories[0]"),
                Arguments.of("exportTerritories", List.of(), "exportTerritories"),
                Arguments.of("activities", List.of("PRODUCE", "SELL"), "activities[1]"),
                Arguments.of("activities", List.of(), "activities"),
                Arguments.of("earlierRevisions", "sometimes", "earlierRevisions"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidFields")
    void eachInvalidFieldIsNamedAndNothingIsGranted(String field, Object value, String reported) {
        long before = licencesOf(factory);
        asOfficer().body(with(licence(technology, factory), field, value)).post("/api/licences").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(reported));
        assertThat(licencesOf(factory)).isEqualTo(before);
    }

    @Test
    void territoriesNeedExportPermission() {
        asOfficer().body(with(licence(technology, factory), "activities", List.of("PRODUCE"))).post("/api/licences")
                .then().statusCode(400)
                .body("errors.field", contains("exportTerritories"))
                .body("errors[0].message", equalTo("are only allowed when EXPORT is permitted"));
        asOfficer().body(with(with(licence(technology, factory), "activities", List.of("PRODUCE")),
                "exportTerritories", null)).post("/api/licences").then().statusCode(201)
                .body("exportTerritories.size()", equalTo(0));
    }

    @Test
    void aLicenceMayOpenEarlierRevisionsOfTheTechnicalDataWhenItPermitsProduce() {
        String id = asOfficer().body(with(licence(technology, factory), "earlierRevisions", true))
                .post("/api/licences").then().statusCode(201).body("earlierRevisions", equalTo(true))
                .extract().path("id");
        assertThat(licenceEvents.awaitEvents(id, 1).get(0).payload().get("earlierRevisions").asBoolean()).isTrue();
        asOfficer().get("/api/licences/{id}/audit", id).then()
                .body("[0].changes.earlierRevisions.to", equalTo(true));

        long before = licencesOf(factory);
        asOfficer().body(with(with(licence(technology, factory), "activities", List.of("EXPORT")),
                "earlierRevisions", true)).post("/api/licences").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("earlierRevisions"))
                .body("errors[0].message", equalTo("is only allowed when PRODUCE is permitted"));
        assertThat(licencesOf(factory)).isEqualTo(before);
    }

    @Test
    void onlyActiveFactoriesMayHoldLicences() {
        asOfficer().body(licence(technology, onboarding)).post("/api/licences").then()
                .statusCode(400).body("errors.field", contains("factoryId"))
                .body("errors[0].message", equalTo("is ONBOARDING; only an ACTIVE factory may hold licences"));
    }

    @Test
    void fieldsWrongInTheirOwnRightAreReportedTogether() {
        asOfficer().body(Map.of("technologyCode", "", "activities", List.of("FLY"), "quantityCap", -1,
                "exportTerritories", List.of("ZZ"))).post("/api/licences").then()
                .statusCode(400)
                .body("errors.field", contains("activities[0]", "exportTerritories[0]", "factoryId", "quantityCap",
                        "technologyCode", "validFrom", "validTo"));
        asOfficer().body(with(with(licence("UA-NOPE-2", "xx-nowhere"), "validTo", today().minusYears(3).toString()),
                "activities", List.of("PRODUCE"))).post("/api/licences").then()
                .statusCode(400)
                .body("errors.field", contains("exportTerritories", "factoryId", "technologyCode", "validTo", "validTo"));
    }

    @Test
    void malformedBodiesAreBadRequests() {
        asOfficer().body("{\"technologyCode\": ").post("/api/licences").then()
                .statusCode(400).contentType("application/problem+json");
        asOfficer().post("/api/licences").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameAnswerAndGrantsOnce() {
        Map<String, Object> body = licence(technology, factory);
        String key = uniqueId("grant-key");
        Response first = asOfficer().header("Idempotency-Key", key).body(body).post("/api/licences");
        first.then().statusCode(201);
        String id = first.path("id");
        Response again = asOfficer().header("Idempotency-Key", key).body(body).post("/api/licences");
        again.then().statusCode(201)
                .header("Location", endsWith("/api/licences/" + id))
                .body("id", equalTo(id)).body("createdAt", equalTo(first.path("createdAt")));

        asOfficer().header("Idempotency-Key", key).body(with(body, "quantityCap", 5)).post("/api/licences").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", startsWith("Idempotency-Key " + key + " was already used for a different request"));

        // keys are the caller's own: another officer's identical key is a new request
        as(TestTokens.user("officer-2", Roles.TECHNOLOGY_OFFICER).bearer()).header("Idempotency-Key", key).body(body)
                .post("/api/licences").then().statusCode(201).body("id", not(equalTo(id)));

        licenceEvents.awaitEvents(id, 1);
        String marker = grant(body);
        licenceEvents.awaitEvents(marker, 1);
        assertThat(licenceEvents.eventsFor(id)).hasSize(1);
        assertThat(queryLong("select count(*) from licence_audit where licence_id = ?", id)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesGrantOnce() throws Exception {
        Map<String, Object> body = licence(technology, factory);
        String key = uniqueId("race-key");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> asOfficer().header("Idempotency-Key", key).body(body).post("/api/licences"));
            }
            List<Integer> statuses = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Future<Response> answer : pool.invokeAll(calls)) {
                statuses.add(answer.get().statusCode());
                ids.add(answer.get().path("id"));
            }
            assertThat(statuses).containsOnly(201);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aBadIdempotencyKeyIsNamed() {
        asOfficer().header("Idempotency-Key", "x".repeat(201)).body(licence(technology, factory))
                .post("/api/licences").then().statusCode(400).body("errors.field", contains("Idempotency-Key"));
    }

    private static long licencesOf(String factoryId) {
        return queryLong("select count(*) from licence where factory_id = ?", factoryId);
    }
}
