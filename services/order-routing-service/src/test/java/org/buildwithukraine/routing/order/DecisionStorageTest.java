package org.buildwithukraine.routing.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.routing.Fixtures;
import org.buildwithukraine.routing.Fixtures.TestNetwork;
import org.buildwithukraine.routing.order.service.NewOrder;
import org.buildwithukraine.routing.order.service.OrderService;
import org.buildwithukraine.routing.order.service.OrderService.Arrival;
import org.junit.jupiter.api.Test;

import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Decision records keep their candidate lines compressed; the desk reads them as they were decided. */
@QuarkusTest
class DecisionStorageTest {

    @Inject
    OrderService orders;

    @Test
    void aDecisionKeepsItsCandidatesCompressedAndTheApiReadsThemBack() {
        TestNetwork network = TestNetwork.of(20, 10);
        Arrival arrival = new Arrival(new NewOrder(CustomerClass.UA_DEFENCE, "Armed Forces of Ukraine",
                network.technology(), 10, Fixtures.TODAY.plusDays(30), null, null), "desk", Context.root());
        String orderId = QuarkusTransaction.requiringNew()
                .call(() -> orders.placeInTurn(network.technology(), () -> List.of(arrival))).get(0).id();

        RoutingDecisionRecord stored = QuarkusTransaction.requiringNew()
                .call(() -> orders.latestDecision(orderId));
        assertThat(stored.candidates).isNull();
        assertThat(stored.candidatesGzip).isNotEmpty();
        List<String> lines = Fixtures.asDesk().get("/api/orders/{id}/decisions", orderId).then().statusCode(200)
                .extract().jsonPath().getList("[0].candidates.lineId");
        assertThat(lines).containsExactlyElementsOf(network.lines());
    }
}
