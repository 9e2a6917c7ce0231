package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.buildwithukraine.gateway.LineLists.Slice;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;

class LineListsTest {

    @Test
    void aPageWithinOneRegionIsThatRegionsPage() {
        assertThat(LineLists.plan(new long[] { 5, 3 }, 0, 3)).containsExactly(new Slice(0, 0, 0, 3));
        assertThat(LineLists.plan(new long[] { 0, 3 }, 0, 20)).containsExactly(new Slice(1, 0, 0, 3));
    }

    @Test
    void aPageRunsOnIntoTheNextRegion() {
        // network rows 3..5: de rows 3, 4 (its page 1), then uk row 0 (its page 0)
        assertThat(LineLists.plan(new long[] { 5, 3 }, 1, 3))
                .containsExactly(new Slice(0, 1, 0, 2), new Slice(1, 0, 0, 1));
        // network rows 6..8: uk rows 1, 2, which lie on uk's page 0
        assertThat(LineLists.plan(new long[] { 5, 3 }, 2, 3)).containsExactly(new Slice(1, 0, 1, 3));
    }

    @Test
    void aPageMayNeedTwoPagesOfOneRegion() {
        // network rows 4..7 of regions (2, 10): region 1 rows 2..5, on its pages 0 (rows 2, 3) and 1 (rows 4, 5)
        assertThat(LineLists.plan(new long[] { 2, 10 }, 1, 4))
                .containsExactly(new Slice(1, 0, 2, 4), new Slice(1, 1, 0, 2));
    }

    @Test
    void pagesBeyondTheEndAreEmpty() {
        assertThat(LineLists.plan(new long[] { 5, 3 }, 3, 3)).isEmpty();
        assertThat(LineLists.plan(new long[] { 0, 0 }, 0, 20)).isEmpty();
    }

    @Test
    void unpagedListsAreConcatenatedById() {
        assertThat(LineLists.concat(List.of(new JsonArray("[{\"id\":\"UK-BRS-01\"}]"),
                new JsonArray("[{\"id\":\"DE-MUC-02\"},{\"id\":\"DE-MUC-01\"}]"))))
                .isEqualTo(new JsonArray("[{\"id\":\"DE-MUC-01\"},{\"id\":\"DE-MUC-02\"},{\"id\":\"UK-BRS-01\"}]"));
    }
}
