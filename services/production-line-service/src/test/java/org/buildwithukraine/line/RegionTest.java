package org.buildwithukraine.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RegionTest {

    @Test
    void theCodeNamesThePrefixUnlessConfiguredOtherwise() {
        Region de = region("de", "Europe/Berlin", null);
        assertThat(de.lineIdPrefix()).isEqualTo("DE-");
        assertThat(de.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(de.owns("DE-MUC-01")).isTrue();
        assertThat(de.owns("UK-BRS-01")).isFalse();
        assertThat(de.owns("DEX-1")).isFalse();
        assertThat(de.owns(null)).isFalse();

        Region uk = region("uk", "Europe/London", "GB-");
        assertThat(uk.owns("GB-BRS-01")).isTrue();
        assertThat(uk.owns("UK-BRS-01")).isFalse();
    }

    @Test
    void aMisconfiguredRegionDoesNotStart() {
        assertThatThrownBy(() -> region("Germany", "Europe/Berlin", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Region code");
        assertThatThrownBy(() -> region("de", "Mars/Olympus", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zone");
        assertThatThrownBy(() -> region("de", "Europe/Berlin", "de_"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix");
    }

    @Test
    void aLineIdNamesItsRegion() {
        assertThat(Region.regionNamedBy("UK-BRS-01")).isEqualTo("uk");
        assertThat(Region.regionNamedBy("NOPREFIX")).isEqualTo("unknown");
    }

    private static Region region(String code, String zone, String prefix) {
        return Region.of(code, zone, Optional.ofNullable(prefix));
    }
}
