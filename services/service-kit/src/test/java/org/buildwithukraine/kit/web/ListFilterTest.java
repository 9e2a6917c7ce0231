package org.buildwithukraine.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ListFilterTest {

    @Test
    void withoutConditionsEveryRowMatches() {
        ListFilter filter = ListFilter.where().equal("status", null);
        assertThat(filter.query()).isEmpty();
        assertThat(filter.parameters()).isEmpty();
        assertThat(filter.matchesNothing()).isFalse();
    }

    @Test
    void eachGivenValueIsAConditionWithAParameterOfItsOwn() {
        ListFilter filter = ListFilter.where().in("factoryId", Set.of("F-1")).equal("factoryId", "F-1")
                .equal("kind", null).atLeast("observedAt", 10).before("observedAt", 20);
        assertThat(filter.query())
                .isEqualTo("factoryId in :p0 and factoryId = :p1 and observedAt >= :p2 and observedAt < :p3");
        assertThat(filter.parameters())
                .isEqualTo(Map.of("p0", Set.of("F-1"), "p1", "F-1", "p2", 10, "p3", 20));
    }

    @Test
    void anEmptySetOfAllowedValuesMatchesNothing() {
        ListFilter filter = ListFilter.where().equal("status", "ACTIVE").in("factoryId", Set.of());
        assertThat(filter.matchesNothing()).isTrue();
        Page<Object> page = new PageRequest(1, 5).fetch(filter, (query, parameters) -> {
            throw new AssertionError("no query runs when nothing can match");
        });
        assertThat(page.items()).isEmpty();
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.size()).isEqualTo(5);
        assertThat(page.total()).isZero();
    }
}
