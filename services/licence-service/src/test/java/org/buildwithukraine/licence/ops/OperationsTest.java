package org.buildwithukraine.licence.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.reportOutput;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.buildwithukraine.licence.Fixtures.today;
import static org.buildwithukraine.licence.Fixtures.uniqueId;
import static org.buildwithukraine.licence.Fixtures.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.buildwithukraine.testsupport.ServiceOperationsTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Probes, metrics and the API description (see {@link ServiceOperationsTest}), with the licence service's own. */
@QuarkusTest
class OperationsTest extends ServiceOperationsTest {

    @Test
    void prometheusMetricsIncludeRequestsTheOutboxAndTheQuota() {
        given().get("/api/licences").then().statusCode(401);
        onManagementPort().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("bwu_outbox_published_total"))
                .body(containsString("bwu_licence_quota_units_consumed_total"));
    }

    @Test
    void headroomOfAGrantedLicenceShowsQuotaLeftAndWhenItExpires() {
        String technology = technology();
        String factory = activeFactory("ops-headroom");
        var validTo = today().plusDays(10);
        String licence = grant(with(with(licence(technology, factory), "quantityCap", 1000), "validTo",
                validTo.toString()));
        String series = "{factory=\"" + factory + "\",licence=\"" + licence + "\",technology=\"" + technology
                + "\"}";
        long expiresAt = validTo.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();

        awaitMetric("bwu_licence_quota_remaining_ratio" + series, 1.0);
        awaitMetric("bwu_licence_expiry_timestamp_seconds" + series, expiresAt);

        reportOutput(uniqueId("DE-OPS"), factory, technology, 900);
        awaitMetric("bwu_licence_quota_remaining_ratio" + series, 0.1);
    }

    private void awaitMetric(String series, double expected) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String metrics = onManagementPort().get("/q/metrics").then().statusCode(200).extract().asString();
            Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)(?: #.*)?$").matcher(metrics);
            assertThat(value.find()).as("%s in the metrics", series).isTrue();
            assertThat(Double.parseDouble(value.group(1))).isCloseTo(expected, within(1e-9));
        });
    }

    @Test
    void openApiDescribesTheLicenceApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/technologies"))
                .body("paths", hasKey("/api/licences"))
                .body("paths", hasKey("/api/licences/requests"))
                .body("paths", hasKey("/api/licences/{id}/audit"))
                .body("paths", hasKey("/api/licences/{id}/suspend"));
    }
}
