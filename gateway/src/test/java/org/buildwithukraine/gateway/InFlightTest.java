package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InFlightTest {

    @Test
    void requestsAreBoundedInTotal() {
        InFlight inFlight = new InFlight(2, 10, 100);
        assertThat(inFlight.enter()).isTrue();
        assertThat(inFlight.enter()).isTrue();
        assertThat(inFlight.enter()).isFalse();
        inFlight.leave();
        assertThat(inFlight.enter()).isTrue();
        assertThat(inFlight.requests()).isEqualTo(2);
    }

    @Test
    void eachCallerIsBoundedOnItsOwnAndForgottenWhenItHasNothingOpen() {
        InFlight inFlight = new InFlight(100, 2, 100);
        assertThat(inFlight.enterCaller("a")).isTrue();
        assertThat(inFlight.enterCaller("a")).isTrue();
        assertThat(inFlight.enterCaller("a")).isFalse();
        assertThat(inFlight.enterCaller("b")).isTrue();
        assertThat(inFlight.requestsOf("a")).isEqualTo(2);

        inFlight.leaveCaller("a");
        assertThat(inFlight.enterCaller("a")).isTrue();
        inFlight.leaveCaller("a");
        inFlight.leaveCaller("a");
        inFlight.leaveCaller("b");
        assertThat(inFlight.callers()).isZero();
    }

    @Test
    void bodyBytesAreBoundedAsTheyArrive() {
        InFlight inFlight = new InFlight(100, 10, 1000);
        assertThat(inFlight.reserveBody(600)).isTrue();
        assertThat(inFlight.reserveBody(401)).isFalse();
        assertThat(inFlight.bodyBytes()).isEqualTo(600);
        assertThat(inFlight.reserveBody(400)).isTrue();
        inFlight.releaseBody(1000);
        assertThat(inFlight.bodyBytes()).isZero();
    }
}
