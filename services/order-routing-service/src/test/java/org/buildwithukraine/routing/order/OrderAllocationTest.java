package org.buildwithukraine.routing.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.routing.engine.Allocation;
import org.junit.jupiter.api.Test;

class OrderAllocationTest {

    private static final Instant PLACED = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant LATER = PLACED.plusSeconds(3600);

    static OrderAllocation placed(long quantity) {
        return OrderAllocation.place(new Allocation("a-1", "o-1", "line-1", "f-1", "lic-1", "FPV-7",
                CustomerClass.UA_DEFENCE, LocalDate.parse("2026-04-01"), 1, quantity, 0, PLACED,
                PLACED.plusSeconds(86_400)), PLACED);
    }

    @Test
    void placedWorkIsActiveWithNothingBuilt() {
        OrderAllocation allocation = placed(10);

        assertThat(allocation.status()).isEqualTo(AllocationStatus.ACTIVE);
        assertThat(allocation.produced()).isZero();
        assertThat(allocation.createdAt()).isEqualTo(PLACED);
        assertThat(allocation.endedAt()).isNull();
    }

    @Test
    void placingNoUnitsIsRefused() {
        assertThatThrownBy(() -> placed(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cancellingEndsItWithItsReason() {
        OrderAllocation allocation = placed(10);

        allocation.cancel("line down", LATER);

        assertThat(allocation.status()).isEqualTo(AllocationStatus.CANCELLED);
        assertThat(allocation.cancelReason()).isEqualTo("line down");
        assertThat(allocation.endedAt()).isEqualTo(LATER);
        assertThat(WithdrawnPart.of(allocation))
                .isEqualTo(new WithdrawnPart("a-1", "line-1", 10, 0, "line down"));
    }

    @Test
    void onlyActiveWorkCanBeCancelledOrRescheduled() {
        OrderAllocation allocation = placed(10);
        allocation.cancel("line down", LATER);

        assertThatThrownBy(() -> allocation.cancel("again", LATER)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> allocation.reschedule(LATER, LATER)).isInstanceOf(IllegalStateException.class);
        assertThat(allocation.cancelReason()).isEqualTo("line down");
    }

    @Test
    void reschedulingMovesItsSlot() {
        OrderAllocation allocation = placed(10);

        allocation.reschedule(LATER, LATER.plusSeconds(60));

        assertThat(allocation.plannedStart()).isEqualTo(LATER);
        assertThat(allocation.plannedFinish()).isEqualTo(LATER.plusSeconds(60));
        assertThatThrownBy(() -> allocation.reschedule(LATER, PLACED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void producedUnitsAreCumulativeAndNeverGoDown() {
        OrderAllocation allocation = placed(10);

        assertThat(allocation.recordProduced(4, LATER)).isTrue();
        assertThat(allocation.recordProduced(4, LATER)).as("the same report twice").isFalse();
        assertThat(allocation.recordProduced(3, LATER)).as("an older report").isFalse();

        assertThat(allocation.produced()).isEqualTo(4);
        assertThat(allocation.status()).isEqualTo(AllocationStatus.ACTIVE);
    }

    @Test
    void everyUnitBuiltCompletesItAndMoreCountNoFurther() {
        OrderAllocation allocation = placed(10);

        assertThat(allocation.recordProduced(12, LATER)).isTrue();

        assertThat(allocation.produced()).isEqualTo(10);
        assertThat(allocation.status()).isEqualTo(AllocationStatus.COMPLETED);
        assertThat(allocation.endedAt()).isEqualTo(LATER);
    }

    @Test
    void unitsReportedAgainstWithdrawnWorkNoLongerCount() {
        OrderAllocation allocation = placed(10);
        allocation.recordProduced(2, LATER);
        allocation.cancel("rerouted", LATER);

        assertThat(allocation.recordProduced(5, LATER)).isFalse();

        assertThat(allocation.produced()).isEqualTo(2);
        assertThat(allocation.status()).isEqualTo(AllocationStatus.CANCELLED);
    }
}
