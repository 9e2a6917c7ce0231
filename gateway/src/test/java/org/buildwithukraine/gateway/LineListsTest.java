package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

class LineListsTest {

    @Test
    void mergesListsOrderedById() {
        Object merged = LineLists.merge(List.of(
                new JsonArray("[{\"id\":\"UK-BRS-01\"}]"),
                new JsonArray("[{\"id\":\"DE-MUC-02\"},{\"id\":\"DE-MUC-01\"}]"),
                new JsonArray()));
        assertThat(merged).isEqualTo(new JsonArray("[{\"id\":\"DE-MUC-01\"},{\"id\":\"DE-MUC-02\"},{\"id\":\"UK-BRS-01\"}]"));
    }

    @Test
    void mergesPagesCountingEveryRegion() {
        Object merged = LineLists.merge(List.of(
                new JsonObject("{\"items\":[{\"id\":\"DE-MUC-01\"}],\"page\":0,\"size\":20,\"total\":1}"),
                new JsonObject("{\"items\":[{\"id\":\"UK-BRS-01\"},{\"id\":\"UK-BRS-02\"}],\"page\":0,\"size\":20,\"total\":2}")));
        assertThat(merged).isEqualTo(new JsonObject(
                "{\"items\":[{\"id\":\"DE-MUC-01\"},{\"id\":\"UK-BRS-01\"},{\"id\":\"UK-BRS-02\"}],\"page\":0,\"size\":20,\"total\":3}"));
    }

    @Test
    void refusesAnythingElse() {
        assertThatThrownBy(() -> LineLists.merge(List.of(new JsonObject("{\"id\":\"DE-MUC-01\"}"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
