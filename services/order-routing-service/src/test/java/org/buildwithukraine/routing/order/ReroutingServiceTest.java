package org.buildwithukraine.routing.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.routing.Fixtures.asDesk;
import static org.buildwithukraine.routing.Fixtures.order;
import static org.buildwithukraine.routing.Fixtures.place;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.events.order.AllocationEventTypes;
import org.buildwithukraine.events.order.OrderEventTypes;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.routing.Fixtures;
import org.buildwithukraine.routing.Fixtures.TestNetwork;
import org.buildwithukraine.testsupport.TestTokens;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The network changes on the topics; allocations follow, and the desk can see why. */
@QuarkusTest
class ReroutingServiceTest {

    @RegisterExtension
    static final TopicRecorder allocations = TopicRecorder.of(Topics.ORDER_ALLOCATIONS);
    @RegisterExtension
    static final TopicRecorder orderEvents = TopicRecorder.of(Topics.ORDER_EVENTS);

    private static final String OFFICER = TestTokens.user("officer", Roles.TECHNOLOGY_OFFICER).bearer();

    @Test
    void aLineGoingDownHasItsAllocationsReroutedToAnotherEligibleLine() {
        TestNetwork network = TestNetwork.of(20, 10);
        String first = network.lines().get(0);
        String fallback = network.lines().get(1);
        JsonPath placed = place(order("UA_DEFENCE", network.technology(), 100, 30)).then().statusCode(201)
                .extract().jsonPath();
        String orderId = placed.getString("id");
        String allocationId = placed.getString("allocations[0].id");
        assertThat(placed.getString("allocations[0].lineId")).isEqualTo(first);

        Fixtures.sendLine(LineEventTypes.STATUS_CHANGED, Fixtures.line(first, network.factories().get(0),
                network.technology(), 20, LineState.DOWN));

        EventEnvelope cancelled = allocations.awaitEvent(first,
                e -> e.type().equals(AllocationEventTypes.CANCELLED));
        assertThat(cancelled.payload().get("allocationId").asText()).isEqualTo(allocationId);
        assertThat(cancelled.payload().get("reason").asText()).matches("line DOWN since .* \\(breakdown\\)");
        assertThat(cancelled.actor()).isEqualTo("system:order-routing");
        EventEnvelope created = allocations.awaitEvent(fallback,
                e -> e.type().equals(AllocationEventTypes.CREATED) && orderId.equals(e.payload().get("orderId")
                        .asText()));
        assertThat(created.payload().get("quantity").asLong()).isEqualTo(100);

        JsonPath order = asDesk().get("/api/orders/{id}", orderId).then().statusCode(200).extract().jsonPath();
        assertThat(order.getString("state")).isEqualTo("ROUTED");
        assertThat(order.getList("allocations.status")).containsExactly("CANCELLED", "ACTIVE");
        assertThat(order.getString("allocations[1].lineId")).isEqualTo(fallback);

        List<Map<String, Object>> decisions = asDesk().get("/api/orders/{id}/decisions", orderId).then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(decisions).hasSize(2);
        assertThat((String) decisions.get(1).get("trigger")).startsWith("line " + first + " DOWN (BREAKDOWN)");
        assertThat(decisions.get(1).get("withdrawn").toString()).contains(allocationId);
        assertThat(orderEvents.awaitEvents(orderId, 3)).extracting(EventEnvelope::type)
                .containsExactly(OrderEventTypes.RECEIVED, OrderEventTypes.ROUTED, OrderEventTypes.ROUTED);
    }

    @Test
    void aSuspendedLicenceMovesItsWorkAndARevokedOneLeavesItWaiting() {
        TestNetwork network = TestNetwork.of(20, 10);
        String orderId = place(order("PARTNER_DEFENCE", network.technology(), 50, 30)).then().statusCode(201)
                .extract().path("id");

        Fixtures.sendLicence(LicenceEventTypes.SUSPENDED, Fixtures.withStatus(Fixtures.licence(
                network.licences().get(0), network.factories().get(0), network.technology(), 100_000, "LV", "LT"),
                LicenceStatus.SUSPENDED, "quality audit"));
        awaitActiveOn(orderId, network.lines().get(1));
        String reason = asDesk().get("/api/orders/{id}", orderId).then().extract().path("allocations[0].cancelReason");
        assertThat(reason).isEqualTo("licence " + network.licences().get(0) + " (" + network.technology() + " for "
                + network.factories().get(0) + ") suspended " + Fixtures.TODAY + ": quality audit");

        Fixtures.sendLicence(LicenceEventTypes.REVOKED, Fixtures.withStatus(Fixtures.licence(
                network.licences().get(1), network.factories().get(1), network.technology(), 100_000, "LV", "LT"),
                LicenceStatus.REVOKED, "breach of provisos"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "QUEUED".equals(
                asDesk().get("/api/orders/{id}", orderId).then().extract().path("state")));
    }

    @Test
    void anOfficerSeesTheOpenWorkUnderALicenceThatASuspensionMoves() {
        TestNetwork network = TestNetwork.of(20, 15);
        String suspended = network.licences().get(0);
        String other = network.licences().get(1);
        String first = place(order("UA_DEFENCE", network.technology(), 300, 30)).then().statusCode(201)
                .extract().path("id");
        String second = place(order("PARTNER_DEFENCE", network.technology(), 120, 30)).then().statusCode(201)
                .extract().path("id");
        List<Map<String, Object>> under = activeAllocationsUnder(suspended, first, second);
        assertThat(under).isNotEmpty();

        JsonPath work = workUnder(suspended);
        assertThat(work.getString("licenceId")).isEqualTo(suspended);
        assertThat(work.getLong("openOrders")).isEqualTo(under.stream().map(a -> a.get("orderId")).distinct().count());
        assertThat(work.getLong("allocations")).isEqualTo(under.size());
        assertThat(work.getLong("lines")).isEqualTo(1);
        assertThat(work.getLong("unitsToBuild")).isEqualTo(under.stream()
                .mapToLong(a -> ((Number) a.get("quantity")).longValue() - ((Number) a.get("produced")).longValue())
                .sum());

        Fixtures.sendLicence(LicenceEventTypes.SUSPENDED, Fixtures.withStatus(Fixtures.licence(suspended,
                network.factories().get(0), network.technology(), 100_000, "LV", "LT"), LicenceStatus.SUSPENDED,
                "quality audit"));
        await().atMost(Duration.ofSeconds(30)).until(() -> workUnder(suspended).getLong("openOrders") == 0);
        assertThat(workUnder(other).getLong("openOrders")).isEqualTo(2);
        assertThat(workUnder(other).getLong("unitsToBuild")).isEqualTo(420);
    }

    @Test
    void theOpenWorkUnderALicenceIsForOfficersAndNothingForAnUnknownOne() {
        JsonPath unknown = workUnder("LIC-NEVER-GRANTED");
        assertThat(List.of(unknown.getLong("openOrders"), unknown.getLong("allocations"), unknown.getLong("lines"),
                unknown.getLong("unitsToBuild"))).containsOnly(0L);
        asDesk().get("/api/orders/work-under-licence/{id}", "LIC-NEVER-GRANTED").then().statusCode(403);
        Fixtures.as(TestTokens.user("maker", Roles.MANUFACTURER).bearer())
                .get("/api/orders/work-under-licence/{id}", "LIC-NEVER-GRANTED").then().statusCode(403);
        Fixtures.as(OFFICER).get("/api/orders/work-under-licence/{id}", "x".repeat(65)).then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static JsonPath workUnder(String licenceId) {
        return Fixtures.as(OFFICER).get("/api/orders/work-under-licence/{id}", licenceId).then().statusCode(200)
                .extract().jsonPath();
    }

    /** As the desk sees them: the orders' active allocations under the licence, each with its order. */
    private static List<Map<String, Object>> activeAllocationsUnder(String licenceId, String... orderIds) {
        List<Map<String, Object>> under = new ArrayList<>();
        for (String orderId : orderIds) {
            List<Map<String, Object>> allocations = asDesk().get("/api/orders/{id}", orderId).then().extract()
                    .jsonPath().getList("allocations");
            allocations.stream().filter(a -> "ACTIVE".equals(a.get("status")) && licenceId.equals(a.get("licenceId")))
                    .forEach(a -> under.add(Map.of("orderId", orderId, "quantity", a.get("quantity"),
                            "produced", a.get("produced"))));
        }
        return under;
    }

    @Test
    void aSuspendedFactoryHasItsWorkMovedAndExportsThroughASuspendedCentreWait() {
        TestNetwork network = TestNetwork.of(20, 10);
        String domestic = place(order("UA_DEFENCE", network.technology(), 60, 30)).then().statusCode(201)
                .extract().path("id");
        String export = place(Fixtures.exportOrder(network.technology(), 30, 30, "LT", network.exportCentre()))
                .then().statusCode(201).extract().path("id");

        Fixtures.factory(network.factories().get(0), FactoryKind.MANUFACTURER, FactoryStatus.SUSPENDED,
                "export-control audit");
        awaitActiveOn(domestic, network.lines().get(1));
        assertThat((String) asDesk().get("/api/orders/{id}", domestic).then().extract()
                .path("allocations[0].cancelReason")).isEqualTo("factory " + network.factories().get(0)
                        + " suspended " + Fixtures.TODAY + ": export-control audit");

        Fixtures.factory(network.exportCentre(), FactoryKind.EXPORT_CENTRE, FactoryStatus.SUSPENDED, "customs");
        await().atMost(Duration.ofSeconds(30)).until(() -> "QUEUED".equals(
                asDesk().get("/api/orders/{id}", export).then().extract().path("state")));
        assertThat((String) asDesk().get("/api/orders/{id}", export).then().extract().path("reason"))
                .isEqualTo("queued: export centre " + network.exportCentre() + " suspended " + Fixtures.TODAY
                        + ": customs");
    }

    @Test
    void whenCapacityAppearsWaitingOrdersArePlacedHighestClassFirst() {
        TestNetwork network = TestNetwork.of(10);
        String line = network.lines().get(0);
        Fixtures.sendLine(LineEventTypes.STATUS_CHANGED, Fixtures.line(line, network.factories().get(0),
                network.technology(), 10, LineState.MAINTENANCE));
        Fixtures.awaitLine(line, l -> l.state == LineState.MAINTENANCE);

        String export = place(Fixtures.exportOrder(network.technology(), 200, 20, "LV", network.exportCentre()))
                .then().statusCode(201).extract().path("id");
        String partner = place(order("PARTNER_DEFENCE", network.technology(), 200, 25)).then().statusCode(201)
                .extract().path("id");
        String ukraine = place(order("UA_DEFENCE", network.technology(), 200, 30)).then().statusCode(201)
                .extract().path("id");
        for (String id : List.of(export, partner, ukraine)) {
            assertThat((String) asDesk().get("/api/orders/{id}", id).then().extract().path("state"))
                    .isEqualTo("QUEUED");
        }

        Fixtures.sendLine(LineEventTypes.STATUS_CHANGED, Fixtures.line(line, network.factories().get(0),
                network.technology(), 10, LineState.RUNNING));
        awaitActiveOn(ukraine, line);
        JsonPath first = asDesk().get("/api/orders/{id}", ukraine).then().extract().jsonPath();
        assertThat(first.getString("state")).isEqualTo("ROUTED");
        assertThat(Instant.parse(first.getString("allocations[0].plannedStart")))
                .isBefore(Instant.parse(first.getString("allocations[0].plannedFinish")));
        JsonPath second = asDesk().get("/api/orders/{id}", partner).then().extract().jsonPath();
        assertThat(second.getString("state")).isEqualTo("PARTIALLY_ROUTED");
        assertThat(second.getLong("allocatedQuantity")).isEqualTo(100);
        assertThat(second.getString("allocations[0].plannedStart"))
                .isEqualTo(first.getString("allocations[0].plannedFinish"));
        assertThat((String) asDesk().get("/api/orders/{id}", export).then().extract().path("state"))
                .isEqualTo("QUEUED");
    }

    private static void awaitActiveOn(String orderId, String lineId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath order = asDesk().get("/api/orders/{id}", orderId).then().extract().jsonPath();
            List<Map<String, Object>> active = order.getList("allocations.findAll { it.status == 'ACTIVE' }");
            return active.size() == 1 && lineId.equals(active.get(0).get("lineId"));
        });
    }
}
