package org.buildwithukraine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Grafana dashboards of {@code components/grafana-dashboards/dashboards}: each is a Grafana 10 dashboard with
 * a uid and title of its own, every panel queries Prometheus through the dashboard's {@code datasource} variable
 * with expressions promtool accepts, and the production overlay renders them, exactly these files, into the
 * ConfigMap the Grafana sidecar loads. That the metrics they query exist: DashboardMetricsIT in deploy/e2e.
 */
class GrafanaDashboardsTest {

    static final Path COMPONENT = Manifests.moduleDir().resolve("components/grafana-dashboards");
    static final Path DASHBOARDS = COMPONENT.resolve("dashboards");
    /** Grafana 10.0 writes schema version 38. */
    private static final int GRAFANA_10_SCHEMA = 38;
    private static final String DATASOURCE = "${datasource}";

    static Stream<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreTheFourDashboardsOfTheIssue() throws IOException {
        assertThat(dashboards().map(file -> file.getFileName().toString()))
                .containsExactlyInAnyOrder("platform-overview.json", "region-lines.json", "kafka-flow.json",
                        "licences.json");
        assertThat(dashboards().map(file -> read(file).path("uid").asText())).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void isAGrafanaDashboardWithUidTitleAndADataSourceVariable(Path file) {
        JsonNode dashboard = read(file);
        assertThat(dashboard.path("uid").asText()).matches("[a-z0-9-]{1,40}");
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(GRAFANA_10_SCHEMA);
        assertThat(dashboard.has("id")).as("no instance-specific id").isFalse();
        List<JsonNode> variables = Manifests.stream(dashboard.at("/templating/list")).toList();
        assertThat(variables).anySatisfy(v -> {
            assertThat(v.path("name").asText()).isEqualTo("datasource");
            assertThat(v.path("type").asText()).isEqualTo("datasource");
            assertThat(v.path("query").asText()).isEqualTo("prometheus");
        });
        variables.stream().filter(v -> v.path("type").asText().equals("query"))
                .forEach(v -> assertThat(v.at("/datasource/uid").asText()).as(v.path("name").asText())
                        .isEqualTo(DATASOURCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void everyPanelQueriesPrometheusThroughTheDataSourceVariable(Path file) {
        List<JsonNode> panels = panels(read(file));
        assertThat(panels).isNotEmpty();
        assertThat(panels.stream().map(p -> p.path("id").asInt())).doesNotHaveDuplicates();
        for (JsonNode panel : panels) {
            String name = file.getFileName() + ": " + panel.path("title").asText();
            assertThat(panel.path("title").asText()).as("title of panel %s", panel.path("id")).isNotBlank();
            assertThat(panel.at("/datasource/type").asText()).as(name).isEqualTo("prometheus");
            assertThat(panel.at("/datasource/uid").asText()).as(name).isEqualTo(DATASOURCE);
            assertThat(panel.path("targets")).as("%s has a query", name).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as(name).isNotBlank();
                assertThat(target.at("/datasource/uid").asText()).as(name).isEqualTo(DATASOURCE);
            }
        }
    }

    /**
     * promtool checks every expression, with Grafana's variables replaced by what Grafana would put there, as a
     * recording rule: a typo in a function, a stray bracket or a misplaced {@code by} fails here, not on a screen.
     */
    @Test
    void promtoolAcceptsEveryExpression(@TempDir Path dir) throws IOException {
        ObjectNode rules = Manifests.JSON.createObjectNode();
        ArrayNode groups = rules.putArray("groups");
        int count = 0;
        for (Path file : dashboards().toList()) {
            ObjectNode group = groups.addObject().put("name", file.getFileName().toString());
            ArrayNode records = group.putArray("rules");
            for (Map.Entry<String, String> query : expressions(read(file)).entrySet()) {
                records.addObject().put("record", "bwu_dashboard_check_" + count++)
                        .put("expr", asGrafanaSendsIt(query.getValue()));
            }
        }
        Files.writeString(dir.resolve("dashboards.rules.yaml"), Manifests.YAML.writeValueAsString(rules));
        assertThat(Promtool.run(dir, "check", "rules", "dashboards.rules.yaml")).contains("SUCCESS: " + count + " rules");
    }

    @Test
    void theProductionOverlayRendersExactlyTheseFilesIntoTheSidecarsConfigMap() throws IOException {
        ObjectNode configMap = Manifests.get(Manifests.overlay("production"), "ConfigMap", "bwu-grafana-dashboards");
        assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        Map<String, JsonNode> rendered = new TreeMap<>();
        configMap.path("data").fields().forEachRemaining(e -> rendered.put(e.getKey(), parse(e.getValue().asText())));
        Map<String, JsonNode> files = new TreeMap<>();
        for (Path file : dashboards().toList()) {
            files.put(file.getFileName().toString(), read(file));
        }
        assertThat(rendered).isEqualTo(files);
        try (Stream<Path> all = Files.list(DASHBOARDS)) {
            assertThat(all.map(f -> f.getFileName().toString())).as("only dashboards in %s", DASHBOARDS)
                    .allMatch(name -> name.endsWith(".json"));
        }
    }

    /** Every panel, those inside collapsed rows included; rows themselves query nothing. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    /** Every query of a dashboard by where it is (panel title and query id, or variable), in order. */
    static Map<String, String> expressions(JsonNode dashboard) {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                expressions.put(panel.path("title").asText() + " [" + target.path("refId").asText() + "]",
                        target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.at("/templating/list")) {
            String query = variable.at("/query/query").asText("");
            if (variable.path("type").asText().equals("query") && query.startsWith("label_values(")) {
                // label_values(<series selector>, <label>) is Grafana's, not PromQL: its selector is
                String selector = query.substring("label_values(".length(), query.lastIndexOf(','));
                expressions.put("variable " + variable.path("name").asText(), selector);
            }
        }
        return expressions;
    }

    /** Grafana's interval variables as a duration, its other variables as the regex of "All". */
    private static String asGrafanaSendsIt(String expression) {
        return expression.replace("$__rate_interval", "2m").replace("$__range", "6h").replace("$__interval", "30s")
                .replaceAll("\\$\\{?[a-z_]+}?", ".*");
    }

    private static JsonNode read(Path file) {
        try {
            return Manifests.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not valid JSON", e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Manifests.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a dashboard in the ConfigMap is not valid JSON", e);
        }
    }
}
