package org.buildwithukraine.routing.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.events.order.OrderState;
import org.buildwithukraine.routing.engine.Order;
import org.buildwithukraine.routing.engine.OrderDecision;
import org.buildwithukraine.routing.engine.Outcome;
import org.junit.jupiter.api.Test;

class CustomerOrderTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant LATER = RECEIVED.plusSeconds(3600);

    private static CustomerOrder received(long quantity) {
        return CustomerOrder.receive(new Order("o-1", 7, CustomerClass.UA_DEFENCE, "FPV-7", quantity,
                LocalDate.parse("2026-04-01"), null, null), "brigade 47", "desk", RECEIVED);
    }

    private static OrderDecision decision(Outcome outcome, long unplaced) {
        return new OrderDecision("o-1", outcome, unplaced, "summary of the pass", List.of(), List.of(), List.of());
    }

    @Test
    void aReceivedOrderHasEveryUnitUnplaced() {
        CustomerOrder order = received(10);

        assertThat(order.state()).isEqualTo(OrderState.RECEIVED);
        assertThat(order.unplaced()).isEqualTo(10);
        assertThat(order.allocated()).isZero();
        assertThat(order.isOpen()).isTrue();
        assertThat(order.updatedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void anOrderForNoUnitsIsRefused() {
        assertThatThrownBy(() -> received(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDecisionSetsTheStateItsUnitsSay() {
        CustomerOrder order = received(10);

        order.decide(decision(Outcome.PARTIALLY_PLACED, 4), LATER);
        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_ROUTED);
        assertThat(order.reason()).isEqualTo("summary of the pass");
        assertThat(order.allocated()).isEqualTo(6);
        assertThat(order.updatedAt()).isEqualTo(LATER);

        order.decide(decision(Outcome.PLACED, 0), LATER);
        assertThat(order.state()).isEqualTo(OrderState.ROUTED);
        assertThat(order.reason()).as("nothing waits").isNull();

        order.decide(decision(Outcome.QUEUED, 10), LATER);
        assertThat(order.state()).isEqualTo(OrderState.QUEUED);
    }

    @Test
    void aRejectionIsFinal() {
        CustomerOrder order = received(10);

        order.decide(decision(Outcome.REJECTED, 10), LATER);

        assertThat(order.state()).isEqualTo(OrderState.REJECTED);
        assertThat(order.isOpen()).isFalse();
        assertThatThrownBy(() -> order.cancel("too late", LATER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDecisionForAnotherOrderIsRefused() {
        CustomerOrder order = received(10);
        OrderDecision other = new OrderDecision("o-2", Outcome.PLACED, 0, "", List.of(), List.of(), List.of());

        assertThatThrownBy(() -> order.decide(other, LATER)).isInstanceOf(IllegalArgumentException.class);
        assertThat(order.state()).isEqualTo(OrderState.RECEIVED);
    }

    @Test
    void builtUnitsMoveItToProductionThenFulfilled() {
        CustomerOrder order = received(10);
        order.decide(decision(Outcome.PARTIALLY_PLACED, 4), LATER);

        assertThat(order.recordProduced(3, LATER)).isTrue();
        assertThat(order.state()).isEqualTo(OrderState.IN_PRODUCTION);
        assertThat(order.recordProduced(5, LATER)).as("still in production").isFalse();

        assertThat(order.recordProduced(10, LATER)).isTrue();
        assertThat(order.state()).isEqualTo(OrderState.FULFILLED);
        assertThat(order.reason()).isNull();
        assertThat(order.unplaced()).as("nothing left to place").isZero();
        assertThat(order.isOpen()).isFalse();
    }

    @Test
    void aClosedOrderKeepsCountingBuiltUnitsWithoutChangingState() {
        CustomerOrder order = received(10);
        order.cancel("no longer needed", LATER);

        assertThat(order.recordProduced(2, LATER.plusSeconds(1))).isFalse();

        assertThat(order.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(order.produced()).isEqualTo(2);
        assertThat(order.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void cancellingLeavesEveryUnbuiltUnitUnplaced() {
        CustomerOrder order = received(10);
        order.decide(decision(Outcome.PLACED, 0), LATER);
        order.recordProduced(3, LATER);

        order.cancel("order cancelled by desk", LATER);

        assertThat(order.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(order.reason()).isEqualTo("order cancelled by desk");
        assertThat(order.unplaced()).isEqualTo(7);
        assertThatThrownBy(() -> order.cancel("twice", LATER)).isInstanceOf(IllegalStateException.class);
    }
}
