package org.buildwithukraine.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.buildwithukraine.events.order.AllocationCreated;
import org.buildwithukraine.events.order.CustomerClass;
import org.junit.jupiter.api.Test;

class AllocationLifecycleTest {

    private static final Instant ALLOCATED = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant LATER = ALLOCATED.plusSeconds(3600);

    private static Allocation opened(long quantity) {
        return Allocation.open(new AllocationCreated("a-1", "o-1", "line-1", "f-1", "lic-1", "FPV-7",
                CustomerClass.UA_DEFENCE, quantity, ALLOCATED, ALLOCATED.plusSeconds(86_400)), ALLOCATED);
    }

    @Test
    void openedWorkHasEveryUnitToGo() {
        Allocation allocation = opened(10);

        assertThat(allocation.status()).isEqualTo(AllocationStatus.OPEN);
        assertThat(allocation.remaining()).isEqualTo(10);
        assertThat(allocation.allocatedAt()).isEqualTo(ALLOCATED);
    }

    @Test
    void countedUnitsFulfilItAtLast() {
        Allocation allocation = opened(10);

        allocation.count(4);
        assertThat(allocation.status()).isEqualTo(AllocationStatus.OPEN);
        allocation.count(6);

        assertThat(allocation.produced()).isEqualTo(10);
        assertThat(allocation.remaining()).isZero();
        assertThat(allocation.status()).isEqualTo(AllocationStatus.FULFILLED);
    }

    @Test
    void moreUnitsThanRemainCannotBeCounted() {
        Allocation allocation = opened(10);

        assertThatThrownBy(() -> allocation.count(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> allocation.count(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(allocation.produced()).isZero();
    }

    @Test
    void cancellingKeepsTheFirstReasonAndLeavesNothingToGo() {
        Allocation allocation = opened(10);
        allocation.count(3);

        assertThat(allocation.cancel("line DOWN", LATER)).isTrue();
        assertThat(allocation.cancel("order cancelled", LATER.plusSeconds(1))).as("a second delivery").isFalse();

        assertThat(allocation.status()).isEqualTo(AllocationStatus.CANCELLED);
        assertThat(allocation.cancelReason()).isEqualTo("line DOWN");
        assertThat(allocation.cancelledAt()).isEqualTo(LATER);
        assertThat(allocation.remaining()).isZero();
        assertThat(allocation.produced()).isEqualTo(3);
    }
}
