package org.buildwithukraine.line.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.line.Requests.asMaker;
import static org.buildwithukraine.line.Requests.asMes;
import static org.buildwithukraine.line.Requests.asRole;
import static org.buildwithukraine.line.Requests.lineId;
import static org.buildwithukraine.line.Requests.postReport;
import static org.buildwithukraine.line.Requests.registerLine;
import static org.buildwithukraine.line.Requests.report;
import static org.buildwithukraine.line.Requests.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.line.Allocation;
import org.buildwithukraine.line.Events;
import org.buildwithukraine.testsupport.TestKafka;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Allocations arrive from the order router on order.allocations; reported good units fill them oldest first. */
@QuarkusTest
class AllocationTest {

    @RegisterExtension
    static final TopicRecorder lineOutput = TopicRecorder.of(Topics.LINE_OUTPUT);

    private static String factory;

    @BeforeEach
    void factory() {
        if (factory == null) {
            factory = uniqueId("de-ingolstadt");
            Events.activeManufacturer(factory);
        }
    }

    @Test
    void goodUnitsFillOpenAllocationsOldestFirstAndACancelledOneGetsNoMore() {
        String line = lineId("de", "ING");
        registerLine(line, factory, 500);
        String a1 = uniqueId("alloc-1");
        String a2 = uniqueId("alloc-2");
        String a3 = uniqueId("alloc-3");
        Instant t = Instant.now().minus(Duration.ofHours(3));
        UUID a1Created = UUID.randomUUID();
        allocate(Events.allocationCreated(a1Created, a1, line, factory, 10, t), line);
        allocate(Events.allocationCreated(UUID.randomUUID(), a2, line, factory, 5, t.plusSeconds(60)), line);
        allocate(Events.allocationCreated(UUID.randomUUID(), a3, line, factory, 8, t.plusSeconds(120)), line);
        // redelivered, and announced again under a new event id: neither doubles anything
        allocate(Events.allocationCreated(a1Created, a1, line, factory, 10, t), line);
        allocate(Events.allocationCreated(UUID.randomUUID(), a1, line, factory, 99, t), line);
        awaitAllocations(line, 3);
        asRole(Roles.ORDER_DESK).get("/api/lines/{id}/allocations", line).then().statusCode(200)
                .body("allocationId", contains(a1, a2, a3))
                .body("planned", contains(10, 5, 8))
                .body("produced", contains(0, 0, 0))
                .body("remaining", contains(10, 5, 8))
                .body("status", contains("OPEN", "OPEN", "OPEN"))
                .body("[0].orderId", equalTo("order-" + a1))
                .body("[0].customerClass", equalTo("UA_DEFENCE"));

        // 12 good: a1 takes 10 and is fulfilled, a2 takes 2
        postReport(asMes(factory), line, report("shift-1", Instant.now().minusSeconds(600), "RUNNING", null, 12, 1))
                .statusCode(201)
                .body("attributions.allocationId", contains(a1, a2))
                .body("attributions.units", contains(10, 2))
                .body("unattributedUnits", equalTo(0));

        UUID cancelled = UUID.randomUUID();
        allocate(Events.allocationCancelled(cancelled, a2, line, Instant.now()), line);
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(asRole(Roles.ORDER_DESK)
                .get("/api/lines/{id}/allocations", line).then().extract().path("[1].status")));
        allocate(Events.allocationCancelled(cancelled, a2, line, Instant.now()), line);

        // 6 good: a2 is cancelled and gets nothing, a3 takes them all
        postReport(asMes(factory), line, report("shift-2", Instant.now().minusSeconds(300), "RUNNING", null, 6, 0))
                .statusCode(201)
                .body("attributions.allocationId", contains(a3))
                .body("attributions.units", contains(6));
        // 5 good: a3 needs 2 more, 3 are surplus
        postReport(asMes(factory), line, report("shift-3", Instant.now().minusSeconds(60), "RUNNING", null, 5, 0))
                .statusCode(201)
                .body("attributions.allocationId", contains(a3))
                .body("attributions.units", contains(2))
                .body("unattributedUnits", equalTo(3));
        // nothing open any more
        postReport(asMes(factory), line, report("shift-4", Instant.now(), "RUNNING", null, 4, 0))
                .statusCode(201).body("attributions", empty()).body("unattributedUnits", equalTo(4));

        asMaker(factory).get("/api/lines/{id}/allocations", line).then().statusCode(200)
                .body("allocationId", contains(a1, a2, a3))
                .body("planned", contains(10, 5, 8))
                .body("produced", contains(10, 2, 8))
                .body("remaining", contains(0, 0, 0))
                .body("status", contains("FULFILLED", "CANCELLED", "FULFILLED"))
                .body("[1].cancelReason", equalTo("line DOWN"));

        List<EventEnvelope> output = lineOutput.awaitEvents(line, 4);
        assertThat(output).extracting(e -> e.payload().get("reportId").asText())
                .containsExactly("shift-1", "shift-2", "shift-3", "shift-4");
        JsonNode first = output.get(0).payload();
        assertThat(first.get("factoryId").asText()).isEqualTo(factory);
        assertThat(first.get("technologyCode").asText()).isEqualTo("UA-FPV-7");
        assertThat(first.get("region").asText()).isEqualTo("de");
        assertThat(first.get("goodUnits").asLong()).isEqualTo(12);
        assertThat(first.get("scrapUnits").asLong()).isEqualTo(1);
        assertThat(first.get("allocations")).hasSize(2);
        assertThat(first.get("allocations").get(0).get("allocationId").asText()).isEqualTo(a1);
        assertThat(first.get("allocations").get(0).get("unitsAttributed").asLong()).isEqualTo(10);
        assertThat(first.get("allocations").get(0).get("produced").asLong()).isEqualTo(10);
        assertThat(first.get("allocations").get(0).get("remaining").asLong()).isZero();
        assertThat(first.get("allocations").get(1).get("remaining").asLong()).isEqualTo(3);
        JsonNode third = output.get(2).payload().get("allocations").get(0);
        assertThat(third.get("allocationId").asText()).isEqualTo(a3);
        assertThat(third.get("produced").asLong()).isEqualTo(8);
        assertThat(output.get(3).payload().get("allocations")).isEmpty();
    }

    @Test
    void allocationsOfOtherRegionsLinesAreNotKeptHere() {
        String ukLine = lineId("uk", "BRS");
        String ukAllocation = uniqueId("alloc-uk");
        TestKafka.send(Topics.ORDER_ALLOCATIONS, ukLine,
                Events.allocationCreated(UUID.randomUUID(), ukAllocation, ukLine, "uk-bristol", 10, Instant.now()));
        // on the same partition as a later allocation of our own, so once ours is in, theirs was seen
        String line = lineId("de", "ING");
        registerLine(line, factory, 100);
        String ours = uniqueId("alloc-de");
        TestKafka.send(Topics.ORDER_ALLOCATIONS, ukLine,
                Events.allocationCreated(UUID.randomUUID(), ours, line, factory, 10, Instant.now()));
        awaitAllocations(line, 1);
        Allocation stored = QuarkusTransaction.requiringNew().call(() -> Allocation.findById(ukAllocation));
        assertThat(stored).isNull();
    }

    @Test
    void theOrderDeskAndTheLinesFactorySeeAllocationsOthersDoNot() {
        String line = lineId("de", "ING");
        registerLine(line, factory, 100);
        asRole(Roles.ORDER_DESK).get("/api/lines/{id}/allocations", line).then().statusCode(200);
        asMaker(factory).get("/api/lines/{id}/allocations", line).then().statusCode(200);
        // the factory's MES reports and reads its lines, but the work placed on them is for its people
        asMes(factory).get("/api/lines/{id}/allocations", line).then().statusCode(403);
        asMaker("de-elsewhere").get("/api/lines/{id}/allocations", line).then().statusCode(403)
                .contentType("application/problem+json");
        asRole(Roles.TECHNOLOGY_OFFICER).get("/api/lines/{id}/allocations", line).then().statusCode(403);
        // the API table gives a line's work to its factory and the order desk only, as the gateway does
        asRole(Roles.OPERATOR).get("/api/lines/{id}/allocations", line).then().statusCode(403);
        asRole(Roles.NETWORK_ADMIN).get("/api/lines/{id}/allocations", line).then().statusCode(403);
    }

    private static void allocate(String envelope, String lineId) {
        TestKafka.send(Topics.ORDER_ALLOCATIONS, lineId, envelope);
    }

    private static void awaitAllocations(String lineId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> asRole(Roles.ORDER_DESK)
                .get("/api/lines/{id}/allocations", lineId).then().extract().jsonPath().getList("$").size() >= count);
    }
}
