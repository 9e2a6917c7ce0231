package org.buildwithukraine.routing.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.routing.Fixtures.asDesk;
import static org.buildwithukraine.routing.Fixtures.order;
import static org.buildwithukraine.routing.Fixtures.place;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.events.line.OutputReported.AllocationProgress;
import org.buildwithukraine.events.order.AllocationEventTypes;
import org.buildwithukraine.events.order.OrderEventTypes;
import org.buildwithukraine.routing.Fixtures;
import org.buildwithukraine.routing.Fixtures.TestNetwork;
import org.buildwithukraine.routing.network.messaging.NetworkEventsConsumer;
import org.buildwithukraine.testsupport.DirectBatch;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Output reported on line.output moves orders to IN_PRODUCTION and FULFILLED; cancelling frees capacity. */
@QuarkusTest
class FulfilmentTest {

    @Inject
    NetworkEventsConsumer consumer;

    @RegisterExtension
    static final TopicRecorder orderEvents = TopicRecorder.of(Topics.ORDER_EVENTS);
    @RegisterExtension
    static final TopicRecorder allocations = TopicRecorder.of(Topics.ORDER_ALLOCATIONS);

    @Test
    void reportedUnitsMoveTheOrderToInProductionThenFulfilled() {
        TestNetwork network = TestNetwork.of(10);
        String line = network.lines().get(0);
        JsonPath placed = place(order("UA_DEFENCE", network.technology(), 50, 30)).then().statusCode(201)
                .extract().jsonPath();
        String orderId = placed.getString("id");
        String allocationId = placed.getString("allocations[0].id");

        report(network, line, 30, new AllocationProgress(allocationId, orderId, 30, 30, 20));
        awaitState(orderId, "IN_PRODUCTION");
        // the same progress again (another report id, nothing new attributed) changes nothing
        report(network, line, 0, new AllocationProgress(allocationId, orderId, 0, 30, 20));
        report(network, line, 20, new AllocationProgress(allocationId, orderId, 20, 50, 0));
        awaitState(orderId, "FULFILLED");

        JsonPath order = asDesk().get("/api/orders/{id}", orderId).then().extract().jsonPath();
        assertThat(order.getLong("producedQuantity")).isEqualTo(50);
        assertThat(order.getString("allocations[0].status")).isEqualTo("COMPLETED");
        assertThat(orderEvents.awaitEvents(orderId, 4)).extracting(EventEnvelope::type).containsExactly(
                OrderEventTypes.RECEIVED, OrderEventTypes.ROUTED, OrderEventTypes.IN_PRODUCTION,
                OrderEventTypes.FULFILLED);
    }

    @Test
    void aFulfilledOrdersCapacityGoesToWhatWaits() {
        TestNetwork network = TestNetwork.of(10);
        String line = network.lines().get(0);
        JsonPath first = place(order("UA_DEFENCE", network.technology(), 300, 30)).then().statusCode(201)
                .extract().jsonPath();
        String waiting = place(order("PARTNER_DEFENCE", network.technology(), 40, 40)).then().statusCode(201)
                .extract().path("id");
        assertThat((String) asDesk().get("/api/orders/{id}", waiting).then().extract().path("state"))
                .isEqualTo("QUEUED");

        report(network, line, 100, new AllocationProgress(first.getString("allocations[0].id"),
                first.getString("id"), 100, 100, 200));
        awaitState(waiting, "ROUTED");
    }

    /**
     * The reports of one poll (handed to the consumer directly, {@link DirectBatch}) advance their orders each,
     * then route the technology once; the decision says it was their units together that freed the capacity.
     */
    @Test
    void reportsThatComeTogetherRouteTheirTechnologyOnceAndSaySo() {
        TestNetwork network = TestNetwork.of(10);
        String line = network.lines().get(0);
        JsonPath first = place(order("UA_DEFENCE", network.technology(), 300, 30)).then().statusCode(201)
                .extract().jsonPath();
        String waiting = place(order("PARTNER_DEFENCE", network.technology(), 40, 40)).then().statusCode(201)
                .extract().path("id");
        String allocation = first.getString("allocations[0].id");
        String firstOrder = first.getString("id");

        DirectBatch batches = new DirectBatch();
        List<String> poll = List.of(
                Fixtures.outputEvent(output(network, line, 60, new AllocationProgress(allocation, firstOrder, 60,
                        60, 240))),
                Fixtures.outputEvent(output(network, line, 40, new AllocationProgress(allocation, firstOrder, 40,
                        100, 200))));
        consumer.onLineOutput(batches.of(Topics.LINE_OUTPUT, 0, 0, line, poll)).toCompletableFuture().join();

        assertThat(batches.parked()).isEmpty();
        JsonPath order = asDesk().get("/api/orders/{id}", firstOrder).then().extract().jsonPath();
        assertThat(order.getString("state")).isEqualTo("IN_PRODUCTION");
        assertThat(order.getLong("producedQuantity")).isEqualTo(100);
        assertThat((String) asDesk().get("/api/orders/{id}", waiting).then().extract().path("state"))
                .isEqualTo("ROUTED");
        List<String> triggers = asDesk().get("/api/orders/{id}/decisions", waiting).then().extract().jsonPath()
                .getList("trigger");
        assertThat(triggers.get(triggers.size() - 1))
                .isEqualTo("2 output reports of lines " + line + " came together: 100 good units");
    }

    @Test
    void cancellingAnOrderTakesItsWorkOffTheLineAndPlacesWhatWaits() {
        TestNetwork network = TestNetwork.of(10);
        String line = network.lines().get(0);
        JsonPath big = place(order("PARTNER_DEFENCE", network.technology(), 300, 30)).then().statusCode(201)
                .extract().jsonPath();
        String waiting = place(order("PARTNER_DEFENCE", network.technology(), 40, 40)).then().statusCode(201)
                .extract().path("id");

        asDesk().body("{\"reason\":\"customer withdrew\"}").post("/api/orders/{id}/cancel", big.getString("id"))
                .then().statusCode(200).extract().jsonPath();
        EventEnvelope cancelled = allocations.awaitEvent(line, e -> e.type().equals(AllocationEventTypes.CANCELLED)
                && e.payload().get("allocationId").asText().equals(big.getString("allocations[0].id")));
        assertThat(cancelled.payload().get("reason").asText()).isEqualTo("order cancelled by desk: customer withdrew");
        assertThat((String) asDesk().get("/api/orders/{id}", waiting).then().extract().path("state"))
                .isEqualTo("ROUTED");
        assertThat(orderEvents.awaitEvents(big.getString("id"), 3).get(2).type()).isEqualTo(OrderEventTypes.CANCELLED);
        List<String> summaries = asDesk().get("/api/orders/{id}/decisions", big.getString("id")).then().extract()
                .jsonPath().getList("summary");
        assertThat(summaries.get(summaries.size() - 1)).isEqualTo("order cancelled by desk: customer withdrew");

        asDesk().post("/api/orders/{id}/cancel", big.getString("id")).then().statusCode(409)
                .contentType("application/problem+json");
    }

    private static void report(TestNetwork network, String line, long goodUnits, AllocationProgress progress) {
        Fixtures.sendOutput(output(network, line, goodUnits, progress));
    }

    private static OutputReported output(TestNetwork network, String line, long goodUnits,
            AllocationProgress progress) {
        return new OutputReported(line, "de", network.factories().get(0), network.technology(), Fixtures.unique("R"),
                Instant.now(), goodUnits, 0, List.of(progress));
    }

    private static void awaitState(String orderId, String state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> state.equals(
                asDesk().get("/api/orders/{id}", orderId).then().extract().path("state")));
    }
}
