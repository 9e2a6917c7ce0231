package org.buildwithukraine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The metric names {@link PromQl} finds in expressions built to mislead it. */
class PromQlTest {

    @Test
    void aSelectorsNameNotItsLabelsOrTheirValues() {
        assertThat(PromQl.metricNames("bwu_outbox_pending{app=~\"production-.*\", namespace!=\"kube_system\"}"))
                .containsExactly("bwu_outbox_pending");
        assertThat(PromQl.metricNames("up")).containsExactly("up");
        assertThat(PromQl.metricNames("job:requests:rate5m > 0")).containsExactly("job:requests:rate5m");
    }

    @Test
    void notFunctionsAggregationsOrTheirLabelLists() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (route, le) (rate(x_bucket[5m])))"))
                .containsExactly("x_bucket");
        assertThat(PromQl.metricNames("sum without (instance, pod) (rate (a_total[1h]))"))
                .containsExactly("a_total");
        assertThat(PromQl.metricNames("max(b) by (le, sum, rate)")).containsExactly("b");
        assertThat(PromQl.metricNames("topk (5, count_values(\"version\", build_info))")).containsExactly("build_info");
    }

    @Test
    void bothSidesOfBinaryOperatorsNotTheirKeywords() {
        assertThat(PromQl.metricNames("a / on (pod) group_left (node, zone) b and c or d unless e"))
                .containsExactly("a", "b", "c", "d", "e");
        assertThat(PromQl.metricNames("x > bool 0 and ignoring(le) y atan2 z"))
                .containsExactly("x", "y", "z");
        assertThat(PromQl.metricNames("used / (limit > 0) AND Ignoring (le) other")).containsExactly("used", "limit", "other");
    }

    @Test
    void notNumbersDurationsRangesOrOffsets() {
        assertThat(PromQl.metricNames("expiry - time() < 14 * 86400 + 1e-3 + 0x1f + Inf - NaN"))
                .containsExactly("expiry");
        assertThat(PromQl.metricNames("rate(c_total[1h30m:5m] @ start() offset -1d) unless c_total offset 15m"))
                .containsExactly("c_total");
        assertThat(PromQl.metricNames("increase(d_total[$__rate_interval]) * ${factor} + $other"))
                .containsExactly("d_total");
    }

    @Test
    void notStringsNotEvenWithQuotesAndBracesInside() {
        assertThat(PromQl.metricNames("label_replace(m{a=\"x\\\"}y\", b='z'}, \"dst\", \"$1\", `src`, \"(sum|rate)\")"))
                .containsExactly("m");
    }

    @Test
    void theNameAMatcherGivesAndAllNamesOnce() {
        assertThat(PromQl.metricNames("{__name__=\"by_name\", job=\"x\"} + by_name + {__name__=~\"any.*\"}"))
                .containsExactly("by_name");
    }
}
