package org.buildwithukraine.licence.techdata.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.as;
import static org.buildwithukraine.licence.Fixtures.asMaker;
import static org.buildwithukraine.licence.Fixtures.asOfficer;
import static org.buildwithukraine.licence.Fixtures.database;
import static org.buildwithukraine.licence.Fixtures.decide;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.buildwithukraine.licence.Fixtures.queryString;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;

import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.TestTokens;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Every listing and read of technical data on record, allowed or refused, on real PostgreSQL and Kafka; who may
 * read the record, and that nothing can change it.
 */
@QuarkusTest
class TechnicalDataAccessRecordTest {

    /** What RESTEasy answers for a method that no endpoint of the path has: 405, or 404 when it routes so. */
    private static final Matcher<Integer> NO_SUCH_ENDPOINT = anyOf(equalTo(404), equalTo(405));
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static String releasedTechnology() {
        String technology = technology();
        asOfficer().body(Map.of("notes", "First issue")).post("/api/technologies/{code}/releases", technology)
                .then().statusCode(201);
        asOfficer().post("/api/technologies/{code}/releases/A/release", technology).then().statusCode(200);
        return technology;
    }

    private static long recordsWith(String requestId) {
        return queryLong("select count(*) from technical_data_access where request_id = ?", requestId);
    }

    private static RequestSpecification tagged(RequestSpecification request, String requestId) {
        return request.header("X-Request-Id", requestId);
    }

    @Test
    void everyReadAllowedOrRefusedLeavesExactlyOneRecord() {
        String technology = releasedTechnology();
        String licensed = activeFactory("fr-tda-licensed");
        String other = activeFactory("fr-tda-other");
        String licenceId = grant(technology, licensed);
        String run = technology.toLowerCase();

        tagged(asMaker(licensed), run + "-allowed").get("/api/technologies/{code}/releases/A", technology).then()
                .statusCode(200);
        tagged(asMaker(other), run + "-other").get("/api/technologies/{code}/releases/A", technology).then()
                .statusCode(404);
        decide(licenceId, "suspend", "quality audit").statusCode(200);
        tagged(asMaker(licensed), run + "-suspended").get("/api/technologies/{code}/releases/A", technology).then()
                .statusCode(403);
        tagged(asMaker(licensed), run + "-list").get("/api/technologies/{code}/releases", technology).then()
                .statusCode(403);
        tagged(asOfficer(), run + "-officer").get("/api/technologies/{code}/releases/A", technology).then()
                .statusCode(200);

        for (String requestId : Arrays.asList("allowed", "other", "suspended", "list", "officer")) {
            assertThat(recordsWith(run + "-" + requestId)).as(requestId).isEqualTo(1);
        }
        assertThat(queryLong("select count(*) from technical_data_access where technology_code = ?", technology))
                .isEqualTo(5);

        asOfficer().get("/api/technologies/{code}/releases/access-records", technology).then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.requestId", contains(run + "-officer", run + "-list", run + "-suspended", run + "-other",
                        run + "-allowed"))
                .body("items.action", contains("READ", "LIST", "READ", "READ", "READ"))
                .body("items.revision", contains("A", null, "A", "A", "A"))
                .body("items.outcome", contains("ALLOWED", "REFUSED", "REFUSED", "REFUSED", "ALLOWED"))
                .body("items.status", contains(200, 403, 403, 404, 200))
                .body("items.actor", contains("officer", "maker-" + licensed, "maker-" + licensed, "maker-" + other,
                        "maker-" + licensed))
                .body("items.factoryId", contains(null, licensed, licensed, other, licensed))
                .body("items.licenceId", contains(null, licenceId, licenceId, null, licenceId))
                .body("items[1].reason", containsString("it is SUSPENDED"))
                .body("items[3].reason", equalTo("No technical data of " + technology
                        + " for the factories you act for"))
                .body("items[4].reason", nullValue());

        asOfficer().get("/api/licences/{id}/technical-data-access", licenceId).then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.requestId", contains(run + "-list", run + "-suspended", run + "-allowed"))
                .body("items.outcome", contains("REFUSED", "REFUSED", "ALLOWED"));
    }

    @Test
    void aRequestWithoutAnAcceptableIdGetsOneMadeUp() {
        String technology = releasedTechnology();
        asOfficer().get("/api/technologies/{code}/releases", technology).then().statusCode(200);
        tagged(asOfficer(), "not an id; drop table").get("/api/technologies/{code}/releases", technology).then()
                .statusCode(200);
        asOfficer().get("/api/technologies/{code}/releases/access-records", technology).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.requestId", contains(matchesPattern(UUID_PATTERN), matchesPattern(UUID_PATTERN)))
                .body("items.action", contains("LIST", "LIST"))
                .body("items.revision", contains(nullValue(), nullValue()));
    }

    @Test
    void aManufacturerReadsItsOwnLicencesRecordOnlyAndOtherRolesNone() {
        String technology = releasedTechnology();
        String licensed = activeFactory("fr-tda-own");
        String other = activeFactory("fr-tda-nosy");
        String licenceId = grant(technology, licensed);
        String otherLicence = grant(technology, other);
        asMaker(licensed).get("/api/technologies/{code}/releases", technology).then().statusCode(200);
        asMaker(licensed).get("/api/technologies/{code}/releases/A", technology).then().statusCode(200);
        asMaker(other).get("/api/technologies/{code}/releases/A", technology).then().statusCode(200);

        asMaker(licensed).get("/api/licences/{id}/technical-data-access?size=1", licenceId).then().statusCode(200)
                .body("total", equalTo(2)).body("size", equalTo(1))
                .body("items.action", contains("READ")).body("items.factoryId", contains(licensed));
        asMaker(licensed).get("/api/licences/{id}/technical-data-access?page=1&size=1", licenceId).then()
                .statusCode(200).body("items.action", contains("LIST"));
        asMaker(licensed).get("/api/licences/{id}/technical-data-access", otherLicence).then().statusCode(404)
                .contentType("application/problem+json");
        asMaker(licensed).get("/api/licences/{id}/technical-data-access", "LIC-NO-SUCH").then().statusCode(404);
        asMaker(licensed).get("/api/technologies/{code}/releases/access-records", technology).then()
                .statusCode(403);
        asMaker(licensed).get("/api/licences/{id}/technical-data-access?size=101", licenceId).then()
                .statusCode(400).contentType("application/problem+json");

        for (String bearer : new String[] { TestTokens.user("desk", Roles.ORDER_DESK).bearer(),
                TestTokens.user("netadmin", Roles.NETWORK_ADMIN).bearer(), TestTokens.mes(licensed).bearer() }) {
            as(bearer).get("/api/technologies/{code}/releases/access-records", technology).then().statusCode(403)
                    .contentType("application/problem+json");
            as(bearer).get("/api/licences/{id}/technical-data-access", licenceId).then().statusCode(403);
        }
    }

    @Test
    void theRecordCannotBeChangedThroughTheApiNorInTheDatabase() throws SQLException {
        String technology = releasedTechnology();
        String factory = activeFactory("fr-tda-fixed");
        String licenceId = grant(technology, factory);
        asMaker(factory).get("/api/technologies/{code}/releases/A", technology).then().statusCode(200);
        String before = queryString("select string_agg(position || outcome || status || request_id, ',') "
                + "from technical_data_access where technology_code = ?", technology);

        asOfficer().delete("/api/technologies/{code}/releases/access-records", technology).then().statusCode(NO_SUCH_ENDPOINT);
        asOfficer().body(Map.of("outcome", "REFUSED")).post("/api/technologies/{code}/releases/access-records",
                technology).then().statusCode(NO_SUCH_ENDPOINT);
        asOfficer().delete("/api/licences/{id}/technical-data-access", licenceId).then().statusCode(NO_SUCH_ENDPOINT);
        asOfficer().body(Map.of("outcome", "REFUSED")).put("/api/licences/{id}/technical-data-access", licenceId)
                .then().statusCode(NO_SUCH_ENDPOINT);
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("update technical_data_access set outcome = 'REFUSED', "
                    + "status = 403, reason = 'rewritten' where technology_code = '" + technology + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("delete from technical_data_access "
                    + "where technology_code = '" + technology + "'")).hasMessageContaining("append-only");
        }

        assertThat(queryString("select string_agg(position || outcome || status || request_id, ',') "
                + "from technical_data_access where technology_code = ?", technology)).isEqualTo(before).isNotNull();
    }
}
