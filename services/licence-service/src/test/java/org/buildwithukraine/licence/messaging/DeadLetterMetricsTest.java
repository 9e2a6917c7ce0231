package org.buildwithukraine.licence.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.licence.Fixtures.uniqueId;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.kit.inbox.DeadLetterUnlessStopping;
import org.buildwithukraine.testsupport.TestKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The kit's dead-letter strategy counts what it parks, per channel and dead-letter topic, and names its parker. */
@QuarkusTest
class DeadLetterMetricsTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String SERIES = "bwu_dead_letters_total{channel=\"lineoutput\",topic=\"line.output.dlq\"}";

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void aPoisonedRecordIsCountedInItsDeadLetterTopic() {
        double before = parked();

        TestKafka.send(Topics.LINE_OUTPUT, uniqueId("DE-DLQ"), "not an event");

        await().atMost(Duration.ofSeconds(30)).until(() -> parked() >= before + 1);
    }

    /** What the gateway's dead-letter routes show the operator and leave out when they re-drive the record. */
    @Test
    void aParkedRecordSaysWhyWhereFromAndWhichGroupParkedIt() {
        String line = uniqueId("DE-DLQ");
        ProducerRecord<String, String> poisoned = new ProducerRecord<>(Topics.LINE_OUTPUT, line, "not an event");
        poisoned.headers().add("traceparent", TRACEPARENT.getBytes(StandardCharsets.UTF_8));
        RecordMetadata sent = TestKafka.send(poisoned);

        await().atMost(Duration.ofSeconds(30)).until(() -> parkedRecordOf(line).isPresent());

        Map<String, String> headers = new LinkedHashMap<>();
        parkedRecordOf(line).orElseThrow().headers()
                .forEach(h -> headers.putIfAbsent(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        assertThat(headers).containsEntry("dead-letter-topic", Topics.LINE_OUTPUT)
                .containsEntry("dead-letter-partition", Integer.toString(sent.partition()))
                .containsEntry("dead-letter-offset", Long.toString(sent.offset()))
                .containsEntry(DeadLetterUnlessStopping.CHANNEL_HEADER, "lineoutput")
                .containsEntry(DeadLetterUnlessStopping.GROUP_HEADER, "licence-service.line-output")
                .containsEntry("traceparent", TRACEPARENT)
                .hasEntrySatisfying("dead-letter-reason", reason -> assertThat(reason).contains("Not an event envelope"));
    }

    private static Optional<ConsumerRecord<String, String>> parkedRecordOf(String key) {
        return TestKafka.records(Topics.deadLetterOf(Topics.LINE_OUTPUT)).stream()
                .filter(r -> key.equals(r.key())).findFirst();
    }

    @Test
    void theCounterOfEveryChannelExistsBeforeAnythingIsParked() {
        String metrics = metrics();
        assertThat(metrics).contains(
                "bwu_dead_letters_total{channel=\"factoryevents\",topic=\"factory.events.dlq\"}", SERIES);
    }

    private double parked() {
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(SERIES) + " (\\S+)(?: #.*)?$").matcher(metrics());
        assertThat(value.find()).as("%s in the metrics", SERIES).isTrue();
        return Double.parseDouble(value.group(1));
    }

    private String metrics() {
        return given().port(management.getPort()).get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
