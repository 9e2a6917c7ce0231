package org.buildwithukraine.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.buildwithukraine.line.OutputAttribution.Open;
import org.buildwithukraine.line.OutputAttribution.Share;
import org.junit.jupiter.api.Test;

class OutputAttributionTest {

    @Test
    void oldestAllocationIsFilledFirst() {
        var result = OutputAttribution.attribute(12, List.of(new Open("a1", 10), new Open("a2", 5),
                new Open("a3", 8)));
        assertThat(result.shares()).containsExactly(new Share("a1", 10), new Share("a2", 2));
        assertThat(result.unattributed()).isZero();
    }

    @Test
    void unitsNobodyNeedsStayUnattributed() {
        var result = OutputAttribution.attribute(20, List.of(new Open("a1", 3), new Open("a2", 4)));
        assertThat(result.shares()).containsExactly(new Share("a1", 3), new Share("a2", 4));
        assertThat(result.unattributed()).isEqualTo(13);
        assertThat(OutputAttribution.attribute(5, List.of()).unattributed()).isEqualTo(5);
    }

    @Test
    void allocationsWithNothingLeftAreSkipped() {
        var result = OutputAttribution.attribute(4, List.of(new Open("done", 0), new Open("a2", 9)));
        assertThat(result.shares()).containsExactly(new Share("a2", 4));
    }

    @Test
    void noUnitsNoShares() {
        assertThat(OutputAttribution.attribute(0, List.of(new Open("a1", 3))).shares()).isEmpty();
        assertThatThrownBy(() -> OutputAttribution.attribute(-1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
