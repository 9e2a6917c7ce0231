package org.buildwithukraine.routing.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.routing.Fixtures.asDesk;
import static org.buildwithukraine.routing.Fixtures.exportOrder;
import static org.buildwithukraine.routing.Fixtures.order;
import static org.buildwithukraine.routing.Fixtures.place;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.events.order.AllocationEventTypes;
import org.buildwithukraine.events.order.OrderEventTypes;
import org.buildwithukraine.routing.Fixtures;
import org.buildwithukraine.routing.Fixtures.TestNetwork;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Order in, decision out: the answer, the decision record, and the events on order.allocations and order.events. */
@QuarkusTest
class OrderPlacementTest {

    @RegisterExtension
    static final TopicRecorder allocations = TopicRecorder.of(Topics.ORDER_ALLOCATIONS);
    @RegisterExtension
    static final TopicRecorder orderEvents = TopicRecorder.of(Topics.ORDER_EVENTS);

    @Test
    void anOrderIsAnsweredWithItsRoutingDecisionAndItsAllocationIsAnnouncedToTheLine() {
        TestNetwork network = TestNetwork.of(10, 20);
        String slow = network.lines().get(0);
        String fast = network.lines().get(1);

        JsonPath answer = place(order("UA_DEFENCE", network.technology(), 100, 30)).then().statusCode(201)
                .contentType("application/json")
                .body("state", equalTo("ROUTED"))
                .body("allocatedQuantity", equalTo(100))
                .body("unplacedQuantity", equalTo(0))
                .body("allocations", hasSize(1))
                .body("allocations[0].lineId", equalTo(fast))
                .body("allocations[0].quantity", equalTo(100))
                .body("allocations[0].status", equalTo("ACTIVE"))
                .body("decision.trigger", startsWith("order "))
                .body("decision.summary", startsWith("routed: 100 units on " + fast))
                .extract().jsonPath();
        String orderId = answer.getString("id");
        assertThat(answer.getString("allocations[0].plannedStart")).isNotBlank();
        assertThat(answer.getList("decision.candidates.lineId")).containsExactly(slow, fast);
        assertThat(answer.getString("decision.candidates.find { it.lineId == '" + slow + "' }.explanation"))
                .startsWith("eligible, not needed: " + fast + " finishes sooner");

        String allocationId = answer.getString("allocations[0].id");
        EventEnvelope created = allocations.awaitEvent(fast, e -> allocationId.equals(e.payload().get("allocationId")
                .asText()));
        assertThat(created.type()).isEqualTo(AllocationEventTypes.CREATED);
        assertThat(created.aggregateId()).isEqualTo(fast);
        assertThat(created.actor()).isEqualTo("desk");
        assertThat(created.payload().get("orderId").asText()).isEqualTo(orderId);
        assertThat(created.payload().get("licenceId").asText()).isEqualTo(network.licences().get(1));
        assertThat(created.payload().get("customerClass").asText()).isEqualTo("UA_DEFENCE");
        assertThat(created.payload().get("quantity").asLong()).isEqualTo(100);

        List<EventEnvelope> lifecycle = orderEvents.awaitEvents(orderId, 2);
        assertThat(lifecycle).extracting(EventEnvelope::type)
                .containsExactly(OrderEventTypes.RECEIVED, OrderEventTypes.ROUTED);
        assertThat(lifecycle.get(1).payload().get("state").asText()).isEqualTo("ROUTED");
        assertThat(lifecycle.get(1).payload().get("allocatedQuantity").asLong()).isEqualTo(100);

        asDesk().get("/api/orders/{id}", orderId).then().statusCode(200)
                .body("state", equalTo("ROUTED")).body("allocations", hasSize(1));
    }

    @Test
    void aPlacementOverManyLinesAnswersWithTheChosenOnesAndTheDecisionsListThemAll() {
        // the tests' answers list every candidate up to 3 lines (application.properties)
        TestNetwork network = TestNetwork.of(10, 10, 10, 10);

        JsonPath answer = place(order("UA_DEFENCE", network.technology(), 500, 30)).then().statusCode(201)
                .body("state", equalTo("ROUTED"))
                .body("decision.candidateCount", equalTo(4))
                .body("decision.candidatesComplete", equalTo(false))
                .extract().jsonPath();
        List<String> placedOn = answer.getList("allocations.lineId");
        assertThat(placedOn).hasSizeGreaterThan(1);
        assertThat(answer.getList("decision.candidates.lineId")).containsExactlyInAnyOrderElementsOf(placedOn);
        assertThat(answer.getList("decision.candidates.verdict")).containsOnly("CHOSEN");
        Map<String, Integer> verdicts = answer.getMap("decision.verdicts");
        assertThat(verdicts.get("CHOSEN")).isEqualTo(placedOn.size());
        assertThat(verdicts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);

        JsonPath decisions = asDesk().get("/api/orders/{id}/decisions", answer.getString("id")).then()
                .statusCode(200)
                .body("[0].candidatesComplete", equalTo(true))
                .body("[0].candidates.lineId", equalTo(network.lines().stream().sorted().toList()))
                .extract().jsonPath();
        // the answer's counts and chosen lines are kept apart from the candidates: they say what the candidates do
        List<Map<String, Object>> all = decisions.getList("[0].candidates");
        assertThat(verdicts).isEqualTo(all.stream().collect(Collectors.groupingBy(
                candidate -> (String) candidate.get("verdict"), Collectors.summingInt(candidate -> 1))));
        assertThat(answer.getList("decision.candidates")).isEqualTo(all.stream()
                .filter(candidate -> "CHOSEN".equals(candidate.get("verdict"))).toList());
        asDesk().get("/api/orders/{id}", answer.getString("id")).then().statusCode(200)
                .body("decision.candidates", hasSize(4));
    }

    @Test
    void theDecisionsExplainEveryLineInAnOfficersWords() {
        TestNetwork network = TestNetwork.of(10, 10, 10);
        String down = network.lines().get(0);
        String suspended = network.lines().get(1);
        Fixtures.sendLine(LineEventTypes.STATUS_CHANGED, Fixtures.line(down, network.factories().get(0),
                network.technology(), 10, LineState.DOWN));
        Fixtures.sendLicence(LicenceEventTypes.SUSPENDED, Fixtures.withStatus(Fixtures.licence(
                network.licences().get(1), network.factories().get(1), network.technology(), 100_000, "LV", "LT"),
                LicenceStatus.SUSPENDED, "quality audit"));
        Fixtures.awaitLine(down, l -> l.state == LineState.DOWN);
        Fixtures.awaitLicence(network.licences().get(1), l -> l.status == LicenceStatus.SUSPENDED);

        String orderId = place(exportOrder(network.technology(), 50, 30, "NO", network.exportCentre())).then()
                .statusCode(201).extract().path("id");
        JsonPath decisions = asDesk().get("/api/orders/{id}/decisions", orderId).then().statusCode(200)
                .body("$", hasSize(1)).extract().jsonPath();

        assertThat(decisions.getString("[0].state")).isEqualTo("REJECTED");
        assertThat(decisions.getString("[0].summary"))
                .isEqualTo("rejected: no licence permits export of " + network.technology() + " to NO");
        List<Map<String, Object>> candidates = decisions.getList("[0].candidates");
        assertThat(candidates).extracting(c -> c.get("lineId")).containsExactlyElementsOf(network.lines());
        assertThat((String) candidates.get(0).get("explanation")).matches("line DOWN since \\d\\d:\\d\\d UTC \\(breakdown\\)");
        assertThat(candidates.get(1).get("explanation")).isEqualTo("licence " + network.licences().get(1) + " ("
                + network.technology() + " for " + network.factories().get(1) + ") suspended " + Fixtures.TODAY
                + ": quality audit");
        assertThat(candidates.get(2).get("explanation")).isEqualTo("no export permission for NO: licence "
                + network.licences().get(2) + " (" + network.technology() + " for " + network.factories().get(2)
                + ") allows LT, LV");
        assertThat(candidates).allSatisfy(c -> assertThat(c.get("verdict")).isEqualTo("INELIGIBLE"));
        assertThat(orderEvents.awaitEvents(orderId, 2)).extracting(EventEnvelope::type)
                .containsExactly(OrderEventTypes.RECEIVED, OrderEventTypes.REJECTED);
    }

    @Test
    void anOrderNoLicenceAnywhereCanServeIsRejected() {
        place(order("PARTNER_DEFENCE", Fixtures.unique("UA-NONE"), 10, 30)).then().statusCode(201)
                .body("state", equalTo("REJECTED"))
                .body("reason", startsWith("rejected: no licence for UA-NONE"))
                .body("allocations", hasSize(0));
    }

    @Test
    void whatNoLineCanTakeNowIsQueuedOrPartlyRouted() {
        TestNetwork network = TestNetwork.of(10);
        place(order("UA_DEFENCE", network.technology(), 400, 60)).then().statusCode(201)
                .body("state", equalTo("PARTIALLY_ROUTED"))
                .body("allocatedQuantity", equalTo(300))
                .body("unplacedQuantity", equalTo(100))
                .body("reason", startsWith("partially routed: 300 units on " + network.lines().get(0)));
        place(order("PARTNER_DEFENCE", network.technology(), 10, 60)).then().statusCode(201)
                .body("state", equalTo("QUEUED"))
                .body("decision.candidates[0].verdict", equalTo("NO_CAPACITY"));
    }

    @Test
    void ordersAreListedNewestFirstAndFiltered() {
        TestNetwork network = TestNetwork.of(10);
        String first = place(order("UA_DEFENCE", network.technology(), 5, 30)).then().extract().path("id");
        String second = place(order("PARTNER_DEFENCE", network.technology(), 5, 30)).then().extract().path("id");
        asDesk().queryParam("technologyCode", network.technology()).get("/api/orders").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", equalTo(List.of(second, first)));
        asDesk().queryParam("technologyCode", network.technology()).queryParam("customerClass", "UA_DEFENCE")
                .get("/api/orders").then().statusCode(200).body("items.id", equalTo(List.of(first)));
        asDesk().queryParam("state", "SOMEWHERE").get("/api/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
    }
}
