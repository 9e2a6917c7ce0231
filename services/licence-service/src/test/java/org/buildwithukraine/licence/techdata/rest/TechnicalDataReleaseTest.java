package org.buildwithukraine.licence.techdata.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.announceFactory;
import static org.buildwithukraine.licence.Fixtures.as;
import static org.buildwithukraine.licence.Fixtures.asMaker;
import static org.buildwithukraine.licence.Fixtures.asOfficer;
import static org.buildwithukraine.licence.Fixtures.awaitStatus;
import static org.buildwithukraine.licence.Fixtures.decide;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.buildwithukraine.licence.Fixtures.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.TestTokens;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Technical data releases through the API on real PostgreSQL and Kafka: the officers' lifecycle with its
 * events, and what each role and licence lets a caller see.
 */
@QuarkusTest
class TechnicalDataReleaseTest {

    @RegisterExtension
    static final TopicRecorder licenceEvents = TopicRecorder.of(Topics.LICENCE_EVENTS);

    private static ValidatableResponse draft(String technology, String notes) {
        return asOfficer().body(Map.of("notes", notes)).post("/api/technologies/{code}/releases", technology).then();
    }

    private static ValidatableResponse officer(String action, String technology, String revision) {
        return asOfficer().post("/api/technologies/{code}/releases/{revision}/" + action, technology, revision)
                .then();
    }

    private static ValidatableResponse withdraw(String technology, String revision, String reason) {
        return asOfficer().body(Map.of("reason", reason))
                .post("/api/technologies/{code}/releases/{revision}/withdraw", technology, revision).then();
    }

    @Test
    void revisionsAreNumberedReleasedSupersededAndWithdrawnWithTheirEvents() {
        String technology = technology();
        draft(technology, "First issue of the drawings").statusCode(201)
                .header("Location", endsWith("/api/technologies/" + technology + "/releases/A"))
                .body("revision", equalTo("A")).body("state", equalTo("DRAFT"))
                .body("marking", equalTo("EU ML10 — export controlled"))
                .body("notes", equalTo("First issue of the drawings")).body("createdBy", equalTo("officer"))
                .body("releasedAt", nullValue());
        officer("release", technology, "A").statusCode(200).body("state", equalTo("RELEASED"))
                .body("releasedBy", equalTo("officer"));
        draft(technology, "Motor mount reinforced").statusCode(201).body("revision", equalTo("B"));
        officer("release", technology, "B").statusCode(200).body("state", equalTo("RELEASED"));
        withdraw(technology, "B", "Tolerance error on sheet 4").statusCode(200).body("state", equalTo("WITHDRAWN"))
                .body("withdrawnReason", equalTo("Tolerance error on sheet 4"))
                .body("withdrawnBy", equalTo("officer"));

        asOfficer().get("/api/technologies/{code}/releases", technology).then().statusCode(200)
                .body("revision", contains("A", "B")).body("state", contains("SUPERSEDED", "WITHDRAWN"));

        List<EventEnvelope> events = licenceEvents.awaitEvents(technology, 3);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("TechnicalDataReleased",
                "TechnicalDataReleased", "TechnicalDataWithdrawn");
        assertThat(events).extracting(e -> e.payload().get("revision").asText()).containsExactly("A", "B", "B");
        assertThat(events.get(2).payload().get("withdrawnReason").asText()).isEqualTo("Tolerance error on sheet 4");
        assertThat(events.get(0).payload().get("marking").asText()).isEqualTo("EU ML10 — export controlled");
        assertThat(events).extracting(EventEnvelope::actor).containsOnly("officer");
    }

    @Test
    void wrongMovesAreConflictsAndChangeNothing() {
        String technology = technology();
        draft(technology, "A").statusCode(201);
        withdraw(technology, "A", "never released").statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Release A of " + technology + " cannot be withdrawn: it is DRAFT and only "
                        + "a RELEASED or SUPERSEDED one can be"));
        draft(technology, "B").statusCode(201);
        officer("release", technology, "B").statusCode(200);
        officer("release", technology, "A").statusCode(409)
                .body("detail", containsString("the later revision B is RELEASED"));
        officer("release", technology, "B").statusCode(409).body("detail", containsString("it is RELEASED"));
        withdraw(technology, "B", "recalled").statusCode(200);
        withdraw(technology, "B", "again").statusCode(409);
        officer("release", technology, "B").statusCode(409);

        asOfficer().get("/api/technologies/{code}/releases", technology).then()
                .body("state", contains("DRAFT", "WITHDRAWN")).body("[1].withdrawnReason", equalTo("recalled"));
        assertThat(queryLong("select count(*) from technical_data_release where technology_code = ? "
                + "and state = 'RELEASED'", technology)).isZero();
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        String technology = technology();
        asOfficer().body(Map.of("notes", " ")).post("/api/technologies/{code}/releases", technology).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("notes"));
        draft(technology, "A").statusCode(201);
        officer("release", technology, "A").statusCode(200);
        asOfficer().body(Map.of("reason", "")).post("/api/technologies/{code}/releases/A/withdraw", technology)
                .then().statusCode(400).body("errors.field", contains("reason"));
        asOfficer().body(Map.of("reason", "x".repeat(501)))
                .post("/api/technologies/{code}/releases/A/withdraw", technology).then().statusCode(400);
        officer("release", technology, "Z").statusCode(404).contentType("application/problem+json");
        draft("UA-NO-SUCH", "notes").statusCode(404).contentType("application/problem+json");
        asOfficer().get("/api/technologies/{code}/releases", "UA-NO-SUCH").then().statusCode(404);
        asOfficer().get("/api/technologies/{code}/releases/A", technology).then().statusCode(200)
                .body("state", equalTo("RELEASED"));
        assertThat(queryLong("select count(*) from technical_data_release where technology_code = ?", technology))
                .isEqualTo(1);
    }

    @Test
    void aRetriedDraftWithItsKeyIsCreatedOnce() {
        String technology = technology();
        for (int attempt = 0; attempt < 2; attempt++) {
            asOfficer().header("Idempotency-Key", "draft-1").body(Map.of("notes", "First issue"))
                    .post("/api/technologies/{code}/releases", technology).then().statusCode(201)
                    .body("revision", equalTo("A"));
        }
        asOfficer().header("Idempotency-Key", "draft-1").body(Map.of("notes", "Other notes"))
                .post("/api/technologies/{code}/releases", technology).then().statusCode(409);
        assertThat(queryLong("select count(*) from technical_data_release where technology_code = ?", technology))
                .isEqualTo(1);
    }

    @Test
    void onlyOfficersChangeReleasesAndOnlyOfficersAndManufacturersRead() {
        String technology = technology();
        draft(technology, "A").statusCode(201);
        officer("release", technology, "A").statusCode(200);
        String factory = activeFactory("fr-td-roles");
        grant(technology, factory);

        asMaker(factory).body(Map.of("notes", "mine")).post("/api/technologies/{code}/releases", technology).then()
                .statusCode(403).contentType("application/problem+json");
        asMaker(factory).post("/api/technologies/{code}/releases/A/release", technology).then().statusCode(403);
        asMaker(factory).body(Map.of("reason", "mine"))
                .post("/api/technologies/{code}/releases/A/withdraw", technology).then().statusCode(403);
        for (String bearer : List.of(TestTokens.user("desk", Roles.ORDER_DESK).bearer(),
                TestTokens.user("netadmin", Roles.NETWORK_ADMIN).bearer(),
                TestTokens.user("operator", Roles.OPERATOR).bearer(),
                TestTokens.mes(factory).bearer())) {
            as(bearer).get("/api/technologies/{code}/releases", technology).then().statusCode(403)
                    .contentType("application/problem+json");
            as(bearer).get("/api/technologies/{code}/releases/A", technology).then().statusCode(403);
        }
        given().get("/api/technologies/{code}/releases", technology).then().statusCode(401);
    }

    @Test
    void aLicensedFactorySeesTheReleasedRevisionAndOthersLearnNothing() {
        String technology = technology();
        draft(technology, "A").statusCode(201);
        officer("release", technology, "A").statusCode(200);
        draft(technology, "B").statusCode(201);
        officer("release", technology, "B").statusCode(200);
        draft(technology, "C in the works").statusCode(201);
        String licensed = activeFactory("fr-td-licensed");
        String unlicensed = activeFactory("fr-td-unlicensed");
        grant(technology, licensed);

        asMaker(licensed).get("/api/technologies/{code}/releases", technology).then().statusCode(200)
                .body("revision", contains("B")).body("state", contains("RELEASED"));
        asMaker(licensed).get("/api/technologies/{code}/releases/B", technology).then().statusCode(200)
                .body("marking", equalTo("EU ML10 — export controlled"));
        asMaker(licensed).get("/api/technologies/{code}/releases/C", technology).then().statusCode(404);
        asMaker(licensed).get("/api/technologies/{code}/releases/Q", technology).then().statusCode(404);
        asMaker(licensed).get("/api/technologies/{code}/releases/A", technology).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("SUPERSEDED"));

        for (String revision : List.of("A", "B", "C", "Q")) {
            asMaker(unlicensed).get("/api/technologies/{code}/releases/" + revision, technology).then()
                    .statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("No technical data of " + technology + " for the factories you act for"));
        }
        asMaker(unlicensed).get("/api/technologies/{code}/releases", technology).then().statusCode(404);

        withdraw(technology, "B", "Recalled").statusCode(200);
        asMaker(licensed).get("/api/technologies/{code}/releases", technology).then().statusCode(200)
                .body("size()", equalTo(0));
        asMaker(licensed).get("/api/technologies/{code}/releases/B", technology).then().statusCode(403)
                .body("detail", containsString("WITHDRAWN"));
    }

    @Test
    void accessFollowsTheLicenceOnTheNextRequest() {
        String technology = technology();
        draft(technology, "A").statusCode(201);
        officer("release", technology, "A").statusCode(200);
        String factory = activeFactory("fr-td-cut");
        String licenceId = grant(technology, factory);
        asMaker(factory).get("/api/technologies/{code}/releases/A", technology).then().statusCode(200);

        decide(licenceId, "suspend", "quality audit").statusCode(200);
        asMaker(factory).get("/api/technologies/{code}/releases/A", technology).then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("Licence " + licenceId + " for " + technology
                        + " does not give access to its technical data: it is SUSPENDED"));
        asMaker(factory).get("/api/technologies/{code}/releases", technology).then().statusCode(403);

        decide(licenceId, "reinstate", "audit passed").statusCode(200);
        asMaker(factory).get("/api/technologies/{code}/releases/A", technology).then().statusCode(200);

        // the factory suspended on factory.events: its licence follows, and so does the access
        announceFactory(factory, FactoryEventTypes.SUSPENDED, FactoryStatus.SUSPENDED, "security incident");
        awaitStatus(licenceId, "SUSPENDED");
        asMaker(factory).get("/api/technologies/{code}/releases/A", technology).then().statusCode(403)
                .body("detail", containsString("SUSPENDED"));

        decide(licenceId, "revoke", "end of cooperation").statusCode(200);
        asMaker(factory).get("/api/technologies/{code}/releases/A", technology).then().statusCode(403)
                .body("detail", containsString("REVOKED"));
    }

    @Test
    void aLicenceForExportOnlyGivesNoTechnicalData() {
        String technology = technology();
        draft(technology, "A").statusCode(201);
        officer("release", technology, "A").statusCode(200);
        String factory = activeFactory("fr-td-export");
        grant(with(licence(technology, factory), "activities", List.of("EXPORT")));
        asMaker(factory).get("/api/technologies/{code}/releases/A", technology).then().statusCode(403)
                .body("detail", containsString("does not permit PRODUCE"));
    }

    @Test
    void everyReleaseOperationIsDescribedInTheApiDocument() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        String base = "/api/technologies/{code}/releases";
        Map<String, List<String>> expected = Map.of(base, List.of("get", "post"), base + "/{revision}",
                List.of("get"), base + "/{revision}/release", List.of("post"), base + "/{revision}/withdraw",
                List.of("post"));
        expected.forEach((path, methods) -> {
            assertThat(paths).containsKey(path);
            assertThat(paths.get(path).keySet()).as(path).containsAll(methods);
            methods.forEach(method -> assertThat(paths.get(path).get(method).get("summary")).as(method + " " + path)
                    .isNotNull());
        });
    }
}
