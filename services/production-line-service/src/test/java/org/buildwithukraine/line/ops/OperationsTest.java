package org.buildwithukraine.line.ops;

import static io.restassured.RestAssured.given;
import static org.buildwithukraine.line.Requests.asMaker;
import static org.buildwithukraine.line.Requests.lineId;
import static org.buildwithukraine.line.Requests.postReport;
import static org.buildwithukraine.line.Requests.registerLine;
import static org.buildwithukraine.line.Requests.report;
import static org.buildwithukraine.line.Requests.uniqueId;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.buildwithukraine.line.Events;
import org.buildwithukraine.testsupport.ServiceOperationsTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Probes, metrics and the API description (see {@link ServiceOperationsTest}), with the line service's own. */
@QuarkusTest
class OperationsTest extends ServiceOperationsTest {

    @Test
    void prometheusMetricsCountStatusReportsByEffect() {
        String factory = uniqueId("de-ops");
        Events.activeManufacturer(factory);
        String line = lineId("de", "OPS");
        registerLine(line, factory, 100);
        postReport(asMaker(factory), line, report("ops-1", Instant.now(), "RUNNING", null, 1, 0)).statusCode(201);

        onManagementPort().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("bwu_outbox_published_total"))
                .body(containsString("bwu_line_reports_total{effect="));
    }

    @Test
    void newestReportAgeOfTheRegionFollowsTheLatestObservation() {
        String factory = uniqueId("de-fresh");
        Events.activeManufacturer(factory);
        String line = lineId("de", "FRESH");
        registerLine(line, factory, 100);
        postReport(asMaker(factory), line, report("fresh-1", Instant.now().minus(Duration.ofSeconds(90)), "RUNNING",
                null, 1, 0)).statusCode(201);
        double afterOld = newestReportAge();
        postReport(asMaker(factory), line, report("fresh-2", Instant.now(), "RUNNING", null, 1, 0)).statusCode(201);
        double afterNew = newestReportAge();

        // other tests' lines may have reported since, so the first is an upper bound only
        assertThat(afterOld).isLessThan(120);
        assertThat(afterNew).isBetween(0.0, 30.0).isLessThan(afterOld);
    }

    private double newestReportAge() {
        String metrics = onManagementPort().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^bwu_line_newest_report_age_seconds\\{region=\"de\"} (\\S+)(?: #.*)?$")
                .matcher(metrics);
        assertThat(value.find()).as("gauge in %s", metrics).isTrue();
        return Double.parseDouble(value.group(1));
    }

    @Test
    void linesByStateAndOutputUnitsOfTheRegionFollowTheReports() {
        String factory = uniqueId("de-states");
        Events.activeManufacturer(factory);
        String line = lineId("de", "STATES");
        registerLine(line, factory, 100);
        String metrics = metrics();
        for (String state : new String[] { "RUNNING", "IDLE", "DOWN", "MAINTENANCE", "RETOOLING" }) {
            assertThat(metrics).contains("bwu_lines{region=\"de\",state=\"" + state + "\"} ")
                    .contains("bwu_lines_capacity_units_per_day{region=\"de\",state=\"" + state + "\"} ");
        }
        double downBefore = value(metrics, "bwu_lines{region=\"de\",state=\"DOWN\"}");
        double downCapacityBefore = value(metrics, "bwu_lines_capacity_units_per_day{region=\"de\",state=\"DOWN\"}");
        double goodBefore = value(metrics, "bwu_line_output_units_total{quality=\"good\",region=\"de\"}");
        double scrapBefore = value(metrics, "bwu_line_output_units_total{quality=\"scrap\",region=\"de\"}");

        postReport(asMaker(factory), line, report("states-1", Instant.now(), "DOWN", "BREAKDOWN", 7, 2))
                .statusCode(201);

        // tests run one at a time: nothing but this report changes the region's lines in between
        String after = metrics();
        assertThat(value(after, "bwu_lines{region=\"de\",state=\"DOWN\"}")).isEqualTo(downBefore + 1);
        assertThat(value(after, "bwu_lines_capacity_units_per_day{region=\"de\",state=\"DOWN\"}"))
                .isEqualTo(downCapacityBefore + 100);
        assertThat(value(after, "bwu_line_output_units_total{quality=\"good\",region=\"de\"}"))
                .isEqualTo(goodBefore + 7);
        assertThat(value(after, "bwu_line_output_units_total{quality=\"scrap\",region=\"de\"}"))
                .isEqualTo(scrapBefore + 2);
    }

    private String metrics() {
        return onManagementPort().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String metrics, String series) {
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)(?: #.*)?$").matcher(metrics);
        assertThat(value.find()).as("%s in %s", series, metrics).isTrue();
        return Double.parseDouble(value.group(1));
    }

    @Test
    void openApiDescribesTheLineApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/lines/{lineId}"))
                .body("paths", hasKey("/api/lines/{lineId}/status-reports"));
    }
}
