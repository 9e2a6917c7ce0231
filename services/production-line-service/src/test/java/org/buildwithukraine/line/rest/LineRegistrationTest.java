package org.buildwithukraine.line.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.line.Requests.TECHNOLOGY;
import static org.buildwithukraine.line.Requests.asMaker;
import static org.buildwithukraine.line.Requests.asMes;
import static org.buildwithukraine.line.Requests.asNetworkAdmin;
import static org.buildwithukraine.line.Requests.asRole;
import static org.buildwithukraine.line.Requests.line;
import static org.buildwithukraine.line.Requests.lineId;
import static org.buildwithukraine.line.Requests.registerLine;
import static org.buildwithukraine.line.Requests.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.line.Events;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The de instance (the module's main test boot): registering and updating its lines. */
@QuarkusTest
class LineRegistrationTest {

    @RegisterExtension
    static final TopicRecorder lineStatus = TopicRecorder.of(Topics.LINE_STATUS);

    private static String factory;
    private static String otherFactory;

    @BeforeEach
    void factories() {
        if (factory == null) {
            factory = uniqueId("de-munich");
            otherFactory = uniqueId("de-dresden");
            Events.activeManufacturer(factory);
            Events.activeManufacturer(otherFactory);
        }
    }

    @Test
    void thisInstanceIsTheGermanOneOnItsOwnDatabase() {
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("bwu.region.code", String.class)).isEqualTo("de");
        assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class)).contains("/production_de");
    }

    @Test
    void aManufacturerRegistersALineOfItsFactoryAndItIsAnnounced() {
        String id = lineId("de", "MUC");
        registerLine(id, factory, 240)
                .header("Location", endsWith("/api/lines/" + id))
                .body("lineId", equalTo(id))
                .body("region", equalTo("de"))
                .body("factoryId", equalTo(factory))
                .body("technologyCode", equalTo(TECHNOLOGY))
                .body("nominalCapacityPerDay", equalTo(240))
                .body("state", equalTo("IDLE"));
        asRole(Roles.ORDER_DESK).get("/api/lines/{id}", id).then().statusCode(200).body("state", equalTo("IDLE"));

        EventEnvelope registered = lineStatus.awaitEvents(id, 1).get(0);
        assertThat(registered.type()).isEqualTo("LineRegistered");
        assertThat(registered.actor()).isEqualTo("maker-" + factory);
        assertThat(lineStatus.recordsFor(id).get(0).key()).isEqualTo(id);
        assertThat(registered.payload().get("region").asText()).isEqualTo("de");
        assertThat(registered.payload().get("factoryId").asText()).isEqualTo(factory);
        assertThat(registered.payload().get("nominalCapacityPerDay").asInt()).isEqualTo(240);
        assertThat(registered.payload().get("state").asText()).isEqualTo("IDLE");
    }

    @Test
    void updatesAreAnnouncedOnlyWhenSomethingChanges() {
        String id = lineId("de", "MUC");
        registerLine(id, factory, 240);
        // the same again: 200, nothing to announce
        asMaker(factory).body(line(factory, TECHNOLOGY, 240)).put("/api/lines/{id}", id).then().statusCode(200);
        // capacity only: the status of the line for routing changed
        asMaker(factory).body(line(factory, TECHNOLOGY, 200)).put("/api/lines/{id}", id).then().statusCode(200)
                .body("nominalCapacityPerDay", equalTo(200));
        // another technology: the line is registered anew
        asNetworkAdmin().body(line(factory, "UA-RECON-3", 300)).put("/api/lines/{id}", id).then().statusCode(200)
                .body("technologyCode", equalTo("UA-RECON-3"));

        List<EventEnvelope> events = awaitQuiet(id, 3);
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("LineRegistered", "LineStatusChanged", "LineRegistered");
        assertThat(events.get(1).payload().get("nominalCapacityPerDay").asInt()).isEqualTo(200);
        assertThat(events.get(2).payload().get("technologyCode").asText()).isEqualTo("UA-RECON-3");
        assertThat(events.get(2).actor()).isEqualTo("netadmin");
    }

    @Test
    void aManufacturerLowersCapacityButRaisingItOrChangingTechnologyIsForANetworkAdmin() {
        String id = lineId("de", "MUC");
        registerLine(id, factory, 240);
        asMaker(factory).body(line(factory, TECHNOLOGY, 180)).put("/api/lines/{id}", id).then().statusCode(200)
                .body("nominalCapacityPerDay", equalTo(180));

        asMaker(factory).body(line(factory, TECHNOLOGY, 181)).put("/api/lines/{id}", id).then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Line " + id + ": raising its capacity from 180 to 181 units/day is a "
                        + "network-admin decision; a manufacturer may register new lines of its factory and lower "
                        + "a line's capacity"));
        asMaker(factory).body(line(factory, "UA-RECON-3", 180)).put("/api/lines/{id}", id).then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("changing its technology from " + TECHNOLOGY
                        + " to UA-RECON-3 is a network-admin decision"));
        // refused means unchanged, and nothing announced
        asMaker(factory).get("/api/lines/{id}", id).then().statusCode(200)
                .body("nominalCapacityPerDay", equalTo(180)).body("technologyCode", equalTo(TECHNOLOGY));

        asNetworkAdmin().body(line(factory, TECHNOLOGY, 400)).put("/api/lines/{id}", id).then().statusCode(200)
                .body("nominalCapacityPerDay", equalTo(400));
        assertThat(awaitQuiet(id, 3)).extracting(e -> e.payload().get("nominalCapacityPerDay").asInt())
                .containsExactly(240, 180, 400);

        // every change in the history, newest first: who, when, before and after
        asRole(Roles.ORDER_DESK).get("/api/lines/{id}/history", id).then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.changedBy", contains("netadmin", "maker-" + factory, "maker-" + factory))
                .body("items[0].before.nominalCapacityPerDay", equalTo(180))
                .body("items[0].after.nominalCapacityPerDay", equalTo(400))
                .body("items[1].before.nominalCapacityPerDay", equalTo(240))
                .body("items[1].after.nominalCapacityPerDay", equalTo(180))
                .body("items[2].before", nullValue())
                .body("items[2].after.factoryId", equalTo(factory))
                .body("items[2].after.technologyCode", equalTo(TECHNOLOGY))
                .body("items[2].after.nominalCapacityPerDay", equalTo(240))
                .body("items[0].changedAt", notNullValue());
        // the line's factory reads its history; another factory, or its MES, does not
        asMaker(factory).get("/api/lines/{id}/history", id).then().statusCode(200).body("total", equalTo(3));
        asMaker(otherFactory).get("/api/lines/{id}/history", id).then().statusCode(403)
                .contentType("application/problem+json");
        asMes(factory).get("/api/lines/{id}/history", id).then().statusCode(403);
        asNetworkAdmin().get("/api/lines/{id}/history", lineId("de", "NONE")).then().statusCode(404);
    }

    @Test
    void aNetworkAdministratorRegistersLinesOfAnyFactory() {
        String id = lineId("de", "DRS");
        asNetworkAdmin().body(line(otherFactory, TECHNOLOGY, 100)).put("/api/lines/{id}", id).then()
                .statusCode(201).body("factoryId", equalTo(otherFactory));
    }

    @Test
    void aLineOfAnotherRegionIsRefusedByThisInstance() {
        String ukLine = lineId("uk", "BRS");
        asNetworkAdmin().body(line(factory, TECHNOLOGY, 100)).put("/api/lines/{id}", ukLine).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("lineId"))
                .body("errors[0].message", equalTo(
                        "belongs to region uk; this instance serves region de, whose line ids start with DE-"));
        asNetworkAdmin().get("/api/lines/{id}", ukLine).then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("belongs to region uk and is not served by this instance"));
        asMaker(factory).body(Map.of("reportId", "r1", "observedAt", "2025-03-10T06:00:00Z", "state", "RUNNING",
                "goodUnits", 0, "scrapUnits", 0)).post("/api/lines/{id}/status-reports", ukLine).then()
                .statusCode(404).body("detail", containsString("region uk"));
    }

    @Test
    void aManufacturerOfAnotherFactoryCannotRegisterOrTakeOverLines() {
        String id = lineId("de", "MUC");
        // for a factory not its own, by a person or by an MES
        asMaker(otherFactory).body(line(factory, TECHNOLOGY, 100)).put("/api/lines/{id}", id).then()
                .statusCode(403).contentType("application/problem+json");
        asMes(otherFactory).body(line(factory, TECHNOLOGY, 100)).put("/api/lines/{id}", id).then()
                .statusCode(403);
        asNetworkAdmin().get("/api/lines/{id}", id).then().statusCode(404);

        // an existing line of another factory cannot be moved to its own
        registerLine(id, factory, 100);
        asMaker(otherFactory).body(line(otherFactory, TECHNOLOGY, 999)).put("/api/lines/{id}", id).then()
                .statusCode(403);
        asNetworkAdmin().get("/api/lines/{id}", id).then().statusCode(200)
                .body("factoryId", equalTo(factory)).body("nominalCapacityPerDay", equalTo(100));
        // a manufacturer token naming no factory at all
        asRole(Roles.MANUFACTURER).body(line(factory, TECHNOLOGY, 100)).put("/api/lines/{id}", id).then()
                .statusCode(403);
    }

    @Test
    void anMesClientRegistersNoLineNotEvenOfItsOwnFactory() {
        String id = lineId("de", "MUC");
        asMes(factory).body(line(factory, TECHNOLOGY, 50)).put("/api/lines/{id}", id).then()
                .statusCode(403).contentType("application/problem+json");
        registerLine(id, factory, 100);
        asMes(factory).body(line(factory, TECHNOLOGY, 50)).put("/api/lines/{id}", id).then().statusCode(403);
        asNetworkAdmin().get("/api/lines/{id}", id).then().statusCode(200).body("nominalCapacityPerDay", equalTo(100));
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.ORDER_DESK, Roles.OPERATOR, Roles.TECHNOLOGY_OFFICER })
    void otherRolesCannotRegister(String role) {
        asRole(role).body(line(factory, TECHNOLOGY, 100)).put("/api/lines/{id}", lineId("de", "X")).then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void withoutATokenNothingHappens() {
        given().contentType(ContentType.JSON).body(line(factory, TECHNOLOGY, 100))
                .put("/api/lines/{id}", lineId("de", "X")).then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theFactoryMustBeAnActiveManufacturerThisInstanceKnows() {
        String onboarding = uniqueId("de-onboarding");
        Events.factory(onboarding, FactoryKind.MANUFACTURER, FactoryStatus.ONBOARDING);
        String suspended = uniqueId("de-suspended");
        Events.factory(suspended, FactoryKind.MANUFACTURER, FactoryStatus.SUSPENDED);
        String exportCentre = uniqueId("lt-vilnius");
        Events.factory(exportCentre, FactoryKind.EXPORT_CENTRE, FactoryStatus.ACTIVE);

        String id = lineId("de", "X");
        asNetworkAdmin().body(line("de-nowhere", TECHNOLOGY, 100)).put("/api/lines/{id}", id).then()
                .statusCode(400).body("errors.field", contains("factoryId"))
                .body("errors[0].message", equalTo("is not a known factory"));
        asNetworkAdmin().body(line(exportCentre, TECHNOLOGY, 100)).put("/api/lines/{id}", id).then()
                .statusCode(400).body("errors.field", contains("factoryId"));
        asMaker(onboarding).body(line(onboarding, TECHNOLOGY, 100)).put("/api/lines/{id}", id).then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Factory " + onboarding
                        + " is ONBOARDING; lines can be registered only for an ACTIVE factory"));
        asMaker(suspended).body(line(suspended, TECHNOLOGY, 100)).put("/api/lines/{id}", id).then()
                .statusCode(409);
        asNetworkAdmin().get("/api/lines/{id}", id).then().statusCode(404);
    }

    @Test
    void everyInvalidFieldIsNamed() {
        asMaker(factory).body(Map.of("factoryId", "De Munich", "technologyCode", "fpv", "nominalCapacityPerDay", 0))
                .put("/api/lines/{id}", lineId("de", "X")).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("factoryId", "nominalCapacityPerDay", "technologyCode"));
        asMaker(factory).body(Map.of()).put("/api/lines/{id}", lineId("de", "X")).then()
                .statusCode(400)
                .body("errors.field", contains("factoryId", "nominalCapacityPerDay", "technologyCode"));
        asMaker(factory).body(line(factory, TECHNOLOGY, 100)).put("/api/lines/{id}", "de-lower-case").then()
                .statusCode(400).body("errors.field", contains("lineId"));
        asMaker(factory).body("{\"factoryId\": ").put("/api/lines/{id}", lineId("de", "X")).then()
                .statusCode(400).contentType("application/problem+json");
    }

    /** Waits for {@code count} events of the line, then for a later marker, so that nothing more is on its way. */
    private static List<EventEnvelope> awaitQuiet(String lineId, int count) {
        lineStatus.awaitEvents(lineId, count);
        String marker = lineId("de", "MARK");
        registerLine(marker, factory, 1);
        lineStatus.awaitEvents(marker, 1);
        return lineStatus.eventsFor(lineId);
    }
}
