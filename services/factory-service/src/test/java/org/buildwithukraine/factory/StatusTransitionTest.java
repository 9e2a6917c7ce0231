package org.buildwithukraine.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.events.factory.FactoryStatus.ACTIVE;
import static org.buildwithukraine.events.factory.FactoryStatus.ONBOARDING;
import static org.buildwithukraine.events.factory.FactoryStatus.SUSPENDED;

import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusTransitionTest {

    @Test
    void legalTransitionsEmitTheirEvent() {
        assertThat(StatusTransition.between(ONBOARDING, ACTIVE)).get()
                .extracting(StatusTransition::eventType).isEqualTo(FactoryEventTypes.ACTIVATED);
        assertThat(StatusTransition.between(ACTIVE, SUSPENDED)).get()
                .extracting(StatusTransition::eventType).isEqualTo(FactoryEventTypes.SUSPENDED);
        assertThat(StatusTransition.between(SUSPENDED, ACTIVE)).get()
                .extracting(StatusTransition::eventType).isEqualTo(FactoryEventTypes.REINSTATED);
    }

    @ParameterizedTest
    @CsvSource({ "ONBOARDING,ONBOARDING", "ONBOARDING,SUSPENDED", "ACTIVE,ACTIVE", "ACTIVE,ONBOARDING",
            "SUSPENDED,SUSPENDED", "SUSPENDED,ONBOARDING" })
    void everythingElseIsRefused(FactoryStatus from, FactoryStatus to) {
        assertThat(StatusTransition.between(from, to)).isEmpty();
    }
}
