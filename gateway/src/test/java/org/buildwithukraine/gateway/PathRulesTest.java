package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathRulesTest {

    @ParameterizedTest
    @ValueSource(strings = { "/api/factories", "/api/lines/DE-MUC-01/status-reports", "/api/factories/de%20munich",
            "/api/technologies/UA-FPV-7", "/q/swagger-ui/index.html", "/api/lines/DE-1/..x", "/api/.well-known",
            "/api/factories/", "/api//factories", "/" })
    void ordinaryPathsPass(String path) {
        assertThat(PathRules.violation(path)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/factories;x", "/api/factories/a;b=c/status", "/api/lines/DE-1%2F..%2Fx",
            "/api/lines/DE-1%2fx", "/api/a%5Cb", "/api/a%5cb", "/api/a\\b", "/api/../q", "/api/x/..", "/api/./x",
            "/api/%2e%2e/q", "/api/%2E%2e/q", "/api/.%2E/q", "/api/%2e/x", "/api/a%3Bb", "/api/a%252F",
            "/api/a%00", "/api/a%1f", "/api/a%7F", "/api/a%zz", "/api/a%2", "/api/a\tb", "api/factories", "" })
    void pathTricksAreRefused(String path) {
        assertThat(PathRules.violation(path)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/a;b", "/api/a%2Fb", "/api/a\\b", "/api/../b" })
    void theReasonNamesTheTrick(String path) {
        String reason = PathRules.violation(path);
        assertThat(reason).containsAnyOf("Matrix", "slash", "Backslash", "Dot");
    }
}
