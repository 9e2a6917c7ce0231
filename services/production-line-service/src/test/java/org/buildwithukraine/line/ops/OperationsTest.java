package org.buildwithukraine.line.ops;

import static io.restassured.RestAssured.given;
import static org.buildwithukraine.line.Requests.asMaker;
import static org.buildwithukraine.line.Requests.lineId;
import static org.buildwithukraine.line.Requests.postReport;
import static org.buildwithukraine.line.Requests.registerLine;
import static org.buildwithukraine.line.Requests.report;
import static org.buildwithukraine.line.Requests.uniqueId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

import java.time.Instant;

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
    void openApiDescribesTheLineApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/lines/{lineId}"))
                .body("paths", hasKey("/api/lines/{lineId}/status-reports"));
    }
}
