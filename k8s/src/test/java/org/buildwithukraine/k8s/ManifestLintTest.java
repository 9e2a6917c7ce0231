package org.buildwithukraine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rendered overlays keep every lint rule (see ManifestLintRulesTest for proof that each rule bites). */
class ManifestLintTest {

    @ParameterizedTest(name = "overlay {0} passes the lint")
    @ValueSource(strings = {"dev", "production"})
    void overlayPassesTheLint(String overlay) {
        assertThat(ManifestLint.check(Manifests.overlay(overlay))).isEmpty();
    }
}
