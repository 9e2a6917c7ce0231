package org.buildwithukraine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The alerts: the plain rules file {@code monitoring/alerts.rules.yaml} is valid and passes its promtool unit
 * test, the PrometheusRule the production overlay applies carries exactly its groups, every alert is tested both
 * firing and quiet, and every alert has its runbook in the README.
 *
 * <p>promtool: see {@link Promtool}; without it the test fails rather than skips, so that the alerts are never
 * left untested.
 */
class PrometheusRulesTest {

    private static final Path MONITORING = Manifests.moduleDir().resolve("monitoring");
    private static final Path RULES = MONITORING.resolve("alerts.rules.yaml");
    private static final Path RULES_TEST = MONITORING.resolve("alerts.test.yaml");
    private static final Path README = Manifests.moduleDir().resolve("README.md");

    @Test
    void theRulesAreValidAndPassTheirPromtoolUnitTests() {
        assertThat(Promtool.run(MONITORING, "check", "rules", RULES.getFileName().toString())).contains("SUCCESS: " + alerts().size());
        assertThat(Promtool.run(MONITORING, "test", "rules", RULES_TEST.getFileName().toString())).contains("SUCCESS");
    }

    @Test
    void thePrometheusRuleOfTheProductionOverlayCarriesExactlyTheRulesFile() {
        JsonNode rule = Manifests.get(Manifests.overlay("production"), "PrometheusRule", "bwu-platform-alerts");
        assertThat(rule.path("spec").path("groups"))
                .as("spec.groups of PrometheusRule bwu-platform-alerts equals the groups of %s", RULES)
                .isEqualTo(read(RULES).path("groups"));
    }

    @Test
    void everyAlertIsTestedFiringAndQuiet() {
        List<JsonNode> cases = Manifests.stream(read(RULES_TEST).path("tests"))
                .flatMap(test -> Manifests.stream(test.path("alert_rule_test"))).toList();
        assertThat(cases).isNotEmpty();
        for (String alert : alerts()) {
            List<JsonNode> ofAlert = cases.stream().filter(c -> c.path("alertname").asText().equals(alert)).toList();
            assertThat(ofAlert).as("%s has a case that fires it", alert)
                    .anySatisfy(c -> assertThat(c.path("exp_alerts").size()).isPositive());
            assertThat(ofAlert).as("%s has a case that must stay quiet", alert)
                    .anySatisfy(c -> assertThat(c.path("exp_alerts").size()).isZero());
        }
    }

    @Test
    void everyAlertHasASeverityAndARunbookSectionInTheReadme() throws IOException {
        String readme = Files.readString(README);
        String runbooks = readme.substring(readme.indexOf("\n## Runbooks"));
        for (JsonNode rule : alertRules()) {
            String alert = rule.path("alert").asText();
            assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("warning", "critical");
            assertThat(rule.path("annotations").path("runbook").asText()).as(alert)
                    .isEqualTo("k8s/README.md#" + alert.toLowerCase(Locale.ROOT));
            assertThat(runbooks).as("a runbook section for %s", alert).contains("\n### " + alert + "\n");
        }
    }

    private static List<String> alerts() {
        return alertRules().stream().map(rule -> rule.path("alert").asText()).collect(Collectors.toList());
    }

    private static List<JsonNode> alertRules() {
        return Manifests.stream(read(RULES).path("groups"))
                .flatMap(group -> Manifests.stream(group.path("rules")))
                .filter(rule -> rule.has("alert")).toList();
    }

    private static JsonNode read(Path file) {
        try {
            return Manifests.YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(file + " does not parse", e);
        }
    }
}
