package org.buildwithukraine.licence;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactorySnapshot;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.TestKafka;
import org.buildwithukraine.testsupport.TestPostgres;
import org.buildwithukraine.testsupport.TestTokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * The world around the licence service, as the tests need it: callers with tokens, factories announced on
 * factory.events and output on line.output (envelopes shaped like the producing services'), and a look into
 * the database.
 */
public final class Fixtures {

    public static final String OFFICER = "officer";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Fixtures() {
    }

    // --- callers

    public static RequestSpecification as(String authorization) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON);
    }

    public static RequestSpecification asOfficer() {
        return as(TestTokens.user(OFFICER, Roles.TECHNOLOGY_OFFICER).bearer());
    }

    public static RequestSpecification asMaker(String factoryId) {
        return as(TestTokens.user("maker-" + factoryId, Roles.MANUFACTURER).factory(factoryId).bearer());
    }

    /** An id no other test uses, so that tests sharing the database and topics stay independent. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    // --- catalogue and licences through the API

    /** A new technology in the catalogue; returns its code. */
    public static String technology(TechnologyCategory category) {
        String code = "UA-T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        asOfficer().body(Map.of("code", code, "name", "Technology " + code, "category", category.name(),
                "controlListEntry", "ML10")).post("/api/technologies").then().statusCode(201);
        return code;
    }

    public static String technology() {
        return technology(TechnologyCategory.FPV_DRONE);
    }

    /** Terms a licence is granted on unless a test says otherwise. */
    public static Map<String, Object> licence(String technologyCode, String factoryId) {
        Map<String, Object> body = new HashMap<>();
        body.put("technologyCode", technologyCode);
        body.put("factoryId", factoryId);
        body.put("activities", List.of("PRODUCE", "EXPORT"));
        body.put("quantityCap", 1000);
        body.put("validFrom", today().minusDays(1).toString());
        body.put("validTo", today().plusYears(1).toString());
        body.put("exportTerritories", List.of("NO", "LT"));
        body.put("provisos", "Serial numbers reported monthly");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    /** Granted directly by an officer; returns the licence id. */
    public static String grant(Map<String, Object> body) {
        return asOfficer().body(body).post("/api/licences").then().statusCode(201).extract().path("id");
    }

    public static String grant(String technologyCode, String factoryId) {
        return grant(licence(technologyCode, factoryId));
    }

    public static ValidatableResponse decide(String licenceId, String decision, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        return asOfficer().body(body).post("/api/licences/{id}/" + decision, licenceId).then();
    }

    public static ValidatableResponse licenceOf(String licenceId) {
        return asOfficer().get("/api/licences/{id}", licenceId).then().statusCode(200);
    }

    public static void awaitStatus(String licenceId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(
                asOfficer().get("/api/licences/{id}", licenceId).then().extract().path("status")));
    }

    // --- factory.events, as the factory service publishes them

    /** A factory announced as registered and then activated, once the licence service knows it is ACTIVE. */
    public static String activeFactory(String prefix) {
        String id = uniqueId(prefix);
        announceFactory(id, FactoryEventTypes.REGISTERED, FactoryStatus.ONBOARDING, null);
        announceFactory(id, FactoryEventTypes.ACTIVATED, FactoryStatus.ACTIVE, "onboarded");
        awaitFactoryStatus(id, FactoryStatus.ACTIVE);
        return id;
    }

    /** Publishes a factory event; returns the record value, so that a test can deliver it again. */
    public static String announceFactory(String id, String type, FactoryStatus status, String reason) {
        String json = factoryEvent(id, type, status, reason);
        TestKafka.send(Topics.FACTORY_EVENTS, id, json);
        return json;
    }

    /** A factory event as the factory service publishes it, occurred now, not sent. */
    public static String factoryEvent(String id, String type, FactoryStatus status, String reason) {
        return envelope(type, id, "netadmin", FactoryEventTypes.SCHEMA_VERSION, factorySnapshot(id, status, reason));
    }

    public static FactorySnapshot factorySnapshot(String id, FactoryStatus status, String reason) {
        return new FactorySnapshot(id, "Factory " + id, "DE", FactoryKind.MANUFACTURER,
                Set.of(TechnologyCategory.FPV_DRONE), status, reason);
    }

    public static void awaitFactoryStatus(String id, FactoryStatus status) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> status.name().equals(queryString("select status from factory_view where id = ?", id)));
    }

    // --- line.output, as the production-line services publish it

    public record Output(UUID eventId, String lineId, String reportId, String json) {
    }

    /** Publishes an OutputReported of {@code goodUnits} good units, observed now. */
    public static Output reportOutput(String lineId, String factoryId, String technologyCode, long goodUnits) {
        return reportOutput(lineId, factoryId, technologyCode, goodUnits, uniqueId("report"), Instant.now());
    }

    public static Output reportOutput(String lineId, String factoryId, String technologyCode, long goodUnits,
            String reportId, Instant observedAt) {
        Output output = outputEvent(lineId, factoryId, technologyCode, goodUnits, reportId, observedAt);
        TestKafka.send(Topics.LINE_OUTPUT, lineId, output.json());
        return output;
    }

    /** An OutputReported as a production-line service publishes it, under a new event id, not sent. */
    public static Output outputEvent(String lineId, String factoryId, String technologyCode, long goodUnits,
            String reportId, Instant observedAt) {
        OutputReported output = new OutputReported(lineId, "de", factoryId, technologyCode, reportId, observedAt,
                goodUnits, 2, List.of());
        UUID eventId = UUID.randomUUID();
        String json = envelope(eventId, LineEventTypes.OUTPUT_REPORTED, lineId, "service-account-mes-" + factoryId,
                LineEventTypes.SCHEMA_VERSION, output);
        return new Output(eventId, lineId, reportId, json);
    }

    public static String envelope(String type, String aggregateId, String actor, int schemaVersion, Object payload) {
        return envelope(UUID.randomUUID(), type, aggregateId, actor, schemaVersion, payload);
    }

    private static String envelope(UUID eventId, String type, String aggregateId, String actor, int schemaVersion,
            Object payload) {
        EventEnvelope envelope = new EventEnvelope(eventId, type, aggregateId, Instant.now(), actor, schemaVersion,
                JSON.valueToTree(payload));
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the service's database, read directly

    public static Connection database() throws SQLException {
        return DriverManager.getConnection(TestPostgres.jdbcUrl(TestInfrastructure.DATABASE), TestPostgres.USER,
                TestPostgres.PASSWORD);
    }

    public static String queryString(String sql, Object... parameters) {
        try (Connection connection = database(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long queryLong(String sql, Object... parameters) {
        String value = queryString(sql, parameters);
        return value == null ? 0 : Long.parseLong(value);
    }
}
