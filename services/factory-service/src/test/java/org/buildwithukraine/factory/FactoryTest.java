package org.buildwithukraine.factory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.junit.jupiter.api.Test;

class FactoryTest {

    private static final Instant REGISTERED = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant LATER = REGISTERED.plusSeconds(3600);

    private static Factory registered() {
        return Factory.register("f-1", "Lviv works", "UA", FactoryKind.MANUFACTURER,
                Set.of(TechnologyCategory.FPV_DRONE), REGISTERED);
    }

    @Test
    void aFactoryJoinsOnboarding() {
        Factory factory = registered();

        assertThat(factory.status()).isEqualTo(FactoryStatus.ONBOARDING);
        assertThat(factory.capabilities()).containsExactly(TechnologyCategory.FPV_DRONE);
        assertThat(factory.registeredAt()).isEqualTo(REGISTERED);
        assertThat(factory.updatedAt()).isEqualTo(REGISTERED);
        assertThat(Factory.register("f-2", "Depot", "PL", FactoryKind.EXPORT_CENTRE, null, REGISTERED)
                .capabilities()).isEmpty();
    }

    @Test
    void anUpdateSaysWhetherItChangedAnything() {
        Factory factory = registered();

        assertThat(factory.update("Lviv works", Set.of(TechnologyCategory.FPV_DRONE), LATER)).isFalse();
        assertThat(factory.update(null, null, LATER)).isFalse();
        assertThat(factory.updatedAt()).isEqualTo(REGISTERED);

        assertThat(factory.update(null, Set.of(TechnologyCategory.RECON_UAV), LATER)).isTrue();
        assertThat(factory.name()).isEqualTo("Lviv works");
        assertThat(factory.capabilities()).containsExactly(TechnologyCategory.RECON_UAV);
        assertThat(factory.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void itMovesOnlyAsTheStatusTransitionsAllow() {
        Factory factory = registered();

        assertThat(factory.moveTo(FactoryStatus.SUSPENDED, "audit", LATER)).isEmpty();
        assertThat(factory.status()).isEqualTo(FactoryStatus.ONBOARDING);
        assertThat(factory.updatedAt()).isEqualTo(REGISTERED);

        assertThat(factory.moveTo(FactoryStatus.ACTIVE, "approved", LATER)).contains(StatusTransition.ACTIVATE);
        assertThat(factory.status()).isEqualTo(FactoryStatus.ACTIVE);
        assertThat(factory.statusReason()).isEqualTo("approved");
        assertThat(factory.updatedAt()).isEqualTo(LATER);
    }
}
