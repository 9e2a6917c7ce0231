package org.buildwithukraine.line.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.line.Requests.TECHNOLOGY;
import static org.buildwithukraine.line.Requests.asMaker;
import static org.buildwithukraine.line.Requests.asMes;
import static org.buildwithukraine.line.Requests.asNetworkAdmin;
import static org.buildwithukraine.line.Requests.asRole;
import static org.buildwithukraine.line.Requests.line;
import static org.buildwithukraine.line.Requests.lineId;
import static org.buildwithukraine.line.Requests.postReport;
import static org.buildwithukraine.line.Requests.report;
import static org.buildwithukraine.line.Requests.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.line.Events;
import org.buildwithukraine.line.UkRegion;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same build configured as the British instance (profile "uk"): its own region, lines and database. */
@QuarkusTest
@TestProfile(UkRegion.class)
class UkRegionTest {

    @Inject
    DataSource dataSource;

    @Test
    void theUkInstanceOwnsUkLinesInItsOwnDatabaseAndRefusesGermanOnes() throws SQLException {
        String bristol = uniqueId("uk-bristol");
        Events.activeManufacturer(bristol);
        String id = lineId("uk", "BRS");
        try (TopicRecorder lineStatus = TopicRecorder.of(Topics.LINE_STATUS)) {
            asMaker(bristol).body(line(bristol, "UA-RECON-3", 60)).put("/api/lines/{id}", id).then()
                    .statusCode(201).body("region", equalTo("uk"));
            EventEnvelope registered = lineStatus.awaitEvents(id, 1).get(0);
            assertThat(registered.payload().get("region").asText()).isEqualTo("uk");
        }
        postReport(asMes(bristol), id, report("uk-1", Instant.now(), "RUNNING", null, 3, 0)).statusCode(201);
        asRole(Roles.ORDER_DESK).queryParam("date", "2025-06-01").get("/api/lines/{id}/oee", id).then()
                .statusCode(200).body("zone", equalTo("Europe/London"))
                .body("from", equalTo("2025-05-31T23:00:00Z"));

        String germanLine = lineId("de", "MUC");
        asNetworkAdmin().body(line(bristol, TECHNOLOGY, 60)).put("/api/lines/{id}", germanLine).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("lineId"))
                .body("errors[0].message", equalTo(
                        "belongs to region de; this instance serves region uk, whose line ids start with UK-"));
        asNetworkAdmin().get("/api/lines/{id}", germanLine).then().statusCode(404)
                .body("detail", containsString("serves region uk"));

        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select current_database(), count(*) from production_line where id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("production_uk");
                assertThat(row.getInt(2)).isEqualTo(1);
            }
        }
    }
}
