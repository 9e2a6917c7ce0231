package org.buildwithukraine.licence.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.licence.Fixtures.uniqueId;

import java.net.URL;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.buildwithukraine.events.Topics;
import org.buildwithukraine.testsupport.TestKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The kit's dead-letter strategy counts what it parks, per channel and dead-letter topic. */
@QuarkusTest
class DeadLetterMetricsTest {

    private static final String SERIES = "bwu_dead_letters_total{channel=\"lineoutput\",topic=\"line.output.dlq\"}";

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void aPoisonedRecordIsCountedInItsDeadLetterTopic() {
        double before = parked();

        TestKafka.send(Topics.LINE_OUTPUT, uniqueId("DE-DLQ"), "not an event");

        await().atMost(Duration.ofSeconds(30)).until(() -> parked() >= before + 1);
    }

    @Test
    void theCounterOfEveryChannelExistsBeforeAnythingIsParked() {
        String metrics = metrics();
        assertThat(metrics).contains(
                "bwu_dead_letters_total{channel=\"factoryevents\",topic=\"factory.events.dlq\"}", SERIES);
    }

    private double parked() {
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(SERIES) + " (\\S+)$").matcher(metrics());
        assertThat(value.find()).as("%s in the metrics", SERIES).isTrue();
        return Double.parseDouble(value.group(1));
    }

    private String metrics() {
        return given().port(management.getPort()).get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
