package org.buildwithukraine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every metric the Grafana dashboards ({@code k8s/components/grafana-dashboards/dashboards}) and the alert rules
 * ({@code k8s/monitoring/alerts.rules.yaml}) query is one that some application of the running platform exposes
 * on its {@code /q/metrics}. Runs last, after the mission and the consoles have made traffic, so that per-route
 * timers and Kafka client metrics exist; run alone, it fails on them.
 */
@Order(100)
@DisplayName("Dashboards and alerts query only metrics the applications expose")
class DashboardMetricsIT {

    private static final Path K8S = Path.of(System.getProperty("e2e.root", "../..")).toAbsolutePath().normalize()
            .resolve("k8s");
    private static final Path DASHBOARDS = K8S.resolve("components/grafana-dashboards/dashboards");
    private static final Path ALERTS = K8S.resolve("monitoring/alerts.rules.yaml");

    /**
     * Series an application creates only once what they count has happened, so that a test run need not see them;
     * each with why a query on it is still sound before then.
     */
    private static final Map<String, String> ONCE_IT_HAPPENED = Map.of(
            "bwu_unlicensed_output_units_total", "counted per factory and technology from the first unlicensed unit"
                    + " on (UnlicensedProduction); the alert takes a new series as an increase (unless ... offset),"
                    + " the panels show nothing until then");

    private static Set<String> exposed;

    @BeforeAll
    static void collectTheExposedMetricNames() {
        exposed = new TreeSet<>();
        for (String application : Platform.applications()) {
            Set<String> names = sampleNames(Platform.get().metrics(application));
            assertThat(names).as("metrics of %s", application).isNotEmpty();
            exposed.addAll(names);
        }
    }

    @Test
    @DisplayName("every panel and variable of every dashboard")
    void everyDashboardQueryReadsExposedMetrics() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                queries.putAll(dashboardQueries(file));
            }
        }
        assertThat(queries).hasSizeGreaterThan(20);
        assertThat(missing(queries)).as("panels querying metrics no application exposes").isEmpty();
    }

    @Test
    @DisplayName("every alert rule")
    void everyAlertReadsExposedMetrics() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode group : new YAMLMapper().readTree(ALERTS.toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
                queries.put(ALERTS.getFileName() + ": " + name, rule.path("expr").asText());
            }
        }
        assertThat(queries).isNotEmpty();
        assertThat(missing(queries)).as("alerts querying metrics no application exposes").isEmpty();
    }

    /** "where: metric" for each metric a query reads that is not exposed and not known to come later. */
    private static List<String> missing(Map<String, String> queries) {
        List<String> missing = new ArrayList<>();
        queries.forEach((where, expression) -> {
            Set<String> names = PromQl.metricNames(expression);
            assertThat(names).as("%s reads a metric: %s", where, expression).isNotEmpty();
            names.stream().filter(name -> !exposed.contains(name) && !ONCE_IT_HAPPENED.containsKey(name))
                    .forEach(name -> missing.add(where + ": " + name));
        });
        return missing;
    }

    /** Each panel's queries (in collapsed rows too) by dashboard, panel title and query id; each label_values. */
    private static Map<String, String> dashboardQueries(Path file) {
        JsonNode dashboard;
        try {
            dashboard = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String board = file.getFileName().toString();
        Map<String, String> queries = new LinkedHashMap<>();
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                queries.put(board + " / " + panel.path("title").asText() + " [" + target.path("refId").asText() + "]",
                        target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.at("/templating/list")) {
            String query = variable.at("/query/query").asText("");
            if (query.startsWith("label_values(")) {
                // Grafana's label_values(<selector>, <label>): the selector is PromQL, the label is not a metric
                queries.put(board + " / variable " + variable.path("name").asText(),
                        query.substring("label_values(".length(), query.lastIndexOf(',')));
            }
        }
        return queries;
    }

    /** The names of the samples of a Prometheus text exposition: x_bucket, x_count, x_sum, x_total, gauges. */
    static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }
}
