package org.buildwithukraine.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.gateway.Api.PROBLEM_JSON;
import static org.buildwithukraine.gateway.Api.as;
import static org.buildwithukraine.gateway.Api.user;
import static org.buildwithukraine.gateway.RouteTable.MANUFACTURER;
import static org.buildwithukraine.gateway.RouteTable.NETWORK_ADMIN;
import static org.buildwithukraine.gateway.RouteTable.OPERATOR;
import static org.buildwithukraine.gateway.RouteTable.ORDER_DESK;
import static org.buildwithukraine.gateway.RouteTable.TECHNOLOGY_OFFICER;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.buildwithukraine.gateway.deadletters.DeadLetter;
import org.buildwithukraine.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

/**
 * The operator lists the dead letters of every {@code <topic>.dlq} and re-drives chosen ones to their topic, once,
 * audited. The poisoned records carry exactly the headers the service kit's dead-letter strategy writes; each
 * test has topics of its own on the in-process broker.
 */
@QuarkusTest
@StubbedPlatform
class DeadLettersTest {

    private static final String AUDIT_TOPIC = "operations.dead-letter-redrives";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aPoisonedRecordIsListedWithItsReasonRedrivenOnceAndAudited() {
        String topic = uniqueTopic();
        String deadLetters = topic + ".dlq";
        RecordMetadata poisoned = park(deadLetters, topic, "DE-MUC-01", "not an event", "event-" + topic);
        String redrivePath = "/api/operations/dead-letters/" + deadLetters + "/" + poisoned.partition() + "/"
                + poisoned.offset() + "/redrive";

        as(user("ops", OPERATOR)).get("/api/operations/dead-letters").then().statusCode(200)
                .body("topics.find { it.topic == '" + deadLetters + "' }.records", equalTo(1))
                .body("topics.find { it.topic == '" + deadLetters + "' }.originalTopic", equalTo(topic))
                .body("topics.find { it.topic == '" + deadLetters + "' }.redriven", equalTo(0));
        as(user("ops", OPERATOR)).get("/api/operations/dead-letters/" + deadLetters).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("total", equalTo(1))
                .body("items[0].partition", equalTo(poisoned.partition()))
                .body("items[0].offset", equalTo((int) poisoned.offset()))
                .body("items[0].key", equalTo("DE-MUC-01"))
                .body("items[0].eventId", equalTo("event-" + topic))
                .body("items[0].eventType", equalTo("OutputReported"))
                .body("items[0].originalTopic", equalTo(topic))
                .body("items[0].originalOffset", equalTo(17))
                .body("items[0].reason", containsString("Not an event envelope"))
                .body("items[0].channel", equalTo("lineoutput"))
                .body("items[0].group", equalTo("licence-service.line-output"))
                .body("items[0].value", equalTo("not an event"))
                .body("items[0].redrive", nullValue());

        JsonPath first = as(user("ops", OPERATOR)).post(redrivePath).then().statusCode(200)
                .contentType("application/json")
                .body("operator", equalTo("ops"))
                .body("outcome", equalTo("REDRIVEN"))
                .body("originalTopic", equalTo(topic))
                .body("eventId", equalTo("event-" + topic))
                .extract().jsonPath();

        List<ConsumerRecord<String, String>> redriven = TestKafka.records(topic);
        assertThat(redriven).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("DE-MUC-01");
            assertThat(record.value()).isEqualTo("not an event");
            assertThat(headers(record)).containsExactly(Map.entry("traceparent", TRACEPARENT),
                    Map.entry(DeadLetter.EVENT_ID, "event-" + topic), Map.entry(DeadLetter.EVENT_TYPE, "OutputReported"));
            assertThat(record.partition()).isEqualTo(first.getInt("sentTo.partition"));
            assertThat(record.offset()).isEqualTo(first.getLong("sentTo.offset"));
        });
        List<ConsumerRecord<String, String>> audited = auditOf(deadLetters);
        assertThat(audited).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(deadLetters + "/" + poisoned.partition() + "/" + poisoned.offset());
            JsonObject audit = new JsonObject(record.value());
            assertThat(audit.getString("operator")).isEqualTo("ops");
            assertThat(audit.getString("outcome")).isEqualTo("REDRIVEN");
            assertThat(audit.getString("eventId")).isEqualTo("event-" + topic);
            assertThat(audit.getString("redrivenAt")).isEqualTo(first.getString("redrivenAt"));
        });

        // again, by another operator: the first re-drive's record, and nothing sent
        as(user("ops-2", OPERATOR)).post(redrivePath).then().statusCode(200)
                .body("operator", equalTo("ops"))
                .body("redrivenAt", equalTo(first.getString("redrivenAt")));
        assertThat(TestKafka.records(topic)).hasSize(1);
        assertThat(auditOf(deadLetters)).hasSize(1);

        as(user("ops", OPERATOR)).get("/api/operations/dead-letters/" + deadLetters).then().statusCode(200)
                .body("items[0].redrive.operator", equalTo("ops"))
                .body("items[0].redrive.redrivenAt", equalTo(first.getString("redrivenAt")));
        as(user("ops", OPERATOR)).get("/api/operations/dead-letters").then().statusCode(200)
                .body("topics.find { it.topic == '" + deadLetters + "' }.redriven", equalTo(1));
    }

    @Test
    void operatorsRedrivingTheSameDeadLetterAtOnceSendItOnce() {
        String topic = uniqueTopic();
        RecordMetadata poisoned = park(topic + ".dlq", topic, "UK-BRS-01", "{}", "event-" + topic);
        String path = "/api/operations/dead-letters/" + topic + ".dlq/" + poisoned.partition() + "/"
                + poisoned.offset() + "/redrive";

        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String operator = "ops-" + i;
            answers.add(CompletableFuture.supplyAsync(() -> as(user(operator, OPERATOR)).post(path).then()
                    .statusCode(200).extract().path("operator")));
        }

        List<String> operators = answers.stream().map(CompletableFuture::join).toList();
        assertThat(operators).containsOnly(operators.get(0));
        assertThat(TestKafka.records(topic)).hasSize(1);
        assertThat(auditOf(topic + ".dlq")).hasSize(1);
    }

    @Test
    void pagesRunNewestFirst() {
        String topic = uniqueTopic();
        for (int i = 0; i < 5; i++) {
            park(topic + ".dlq", topic, "DE-" + i, "poison " + i, "event-" + i);
        }

        as(user("ops", OPERATOR)).queryParam("size", 2).queryParam("page", 1)
                .get("/api/operations/dead-letters/" + topic + ".dlq").then().statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.value", contains("poison 2", "poison 1"));
    }

    @Test
    void unknownTopicsPartitionsAndOffsetsAreNotFound() {
        String topic = uniqueTopic();
        RecordMetadata poisoned = park(topic + ".dlq", topic, "DE-1", "poison", "event-1");
        String base = "/api/operations/dead-letters/";

        as(user("ops", OPERATOR)).get(base + "nothing-" + topic + ".dlq").then().statusCode(404)
                .contentType(PROBLEM_JSON);
        as(user("ops", OPERATOR)).post(base + "nothing-" + topic + ".dlq/0/0/redrive").then().statusCode(404)
                .contentType(PROBLEM_JSON);
        as(user("ops", OPERATOR)).post(base + topic + ".dlq/99/0/redrive").then().statusCode(404)
                .contentType(PROBLEM_JSON);
        as(user("ops", OPERATOR)).post(base + topic + ".dlq/" + poisoned.partition() + "/" + (poisoned.offset() + 1)
                + "/redrive").then().statusCode(404).contentType(PROBLEM_JSON)
                .body("detail", containsString("offsets"));
        as(user("ops", OPERATOR)).get(base + topic).then().statusCode(404).contentType(PROBLEM_JSON);
        assertThat(TestKafka.records(topic)).isEmpty();
    }

    @Test
    void onlyDeadLettersAreRedriven() {
        String topic = uniqueTopic();
        TestKafka.send(topic, "DE-1", "an event");

        as(user("ops", OPERATOR)).post("/api/operations/dead-letters/" + topic + "/0/0/redrive").then()
                .statusCode(409).contentType(PROBLEM_JSON).body("detail", containsString("not a dead-letter topic"));
    }

    @Test
    void badCoordinatesAndPagesAreRefusedNamingTheFields() {
        as(user("ops", OPERATOR)).post("/api/operations/dead-letters/line.output.dlq/first/-1/redrive").then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("partition", "offset"));
        as(user("ops", OPERATOR)).queryParam("size", 0).get("/api/operations/dead-letters/line.output.dlq").then()
                .statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("size"));
        as(user("ops", OPERATOR)).queryParam("size", 100).queryParam("page", 10)
                .get("/api/operations/dead-letters/line.output.dlq").then()
                .statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("page"));
    }

    @ParameterizedTest
    @ValueSource(strings = { NETWORK_ADMIN, MANUFACTURER, ORDER_DESK, TECHNOLOGY_OFFICER })
    void onlyTheOperatorMayListOrRedrive(String role) {
        String topic = uniqueTopic();
        RecordMetadata poisoned = park(topic + ".dlq", topic, "DE-1", "poison", "event-1");

        as(user("someone", role)).get("/api/operations/dead-letters").then().statusCode(403).contentType(PROBLEM_JSON);
        as(user("someone", role)).get("/api/operations/dead-letters/" + topic + ".dlq").then().statusCode(403)
                .contentType(PROBLEM_JSON);
        as(user("someone", role)).post("/api/operations/dead-letters/" + topic + ".dlq/" + poisoned.partition() + "/"
                + poisoned.offset() + "/redrive").then().statusCode(403).contentType(PROBLEM_JSON);
        assertThat(TestKafka.records(topic)).isEmpty();
    }

    @Test
    void withoutATokenItIsUnauthorized() {
        given().get("/api/operations/dead-letters").then().statusCode(401).contentType(PROBLEM_JSON);
        given().post("/api/operations/dead-letters/line.output.dlq/0/0/redrive").then().statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    private static String uniqueTopic() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
    }

    /**
     * A record refused by a consumer of {@code topic}, as the kit's dead-letter strategy parks it: SmallRye's
     * dead-letter headers and the kit's channel and group first, then the original record's headers.
     */
    private static RecordMetadata park(String deadLetterTopic, String topic, String key, String value, String eventId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(deadLetterTopic, key, value);
        header(record, DeadLetter.EXCEPTION_CLASS, "org.buildwithukraine.kit.inbox.InboundEvents$UnreadableEventException");
        header(record, DeadLetter.REASON, "Not an event envelope: Unrecognized token 'not'");
        header(record, DeadLetter.ORIGINAL_TOPIC, topic);
        header(record, DeadLetter.ORIGINAL_PARTITION, "0");
        header(record, DeadLetter.ORIGINAL_OFFSET, "17");
        header(record, DeadLetter.CHANNEL, "lineoutput");
        header(record, DeadLetter.GROUP, "licence-service.line-output");
        header(record, "traceparent", TRACEPARENT);
        header(record, DeadLetter.EVENT_ID, eventId);
        header(record, DeadLetter.EVENT_TYPE, "OutputReported");
        return TestKafka.send(record);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Map.Entry<String, String>> headers(ConsumerRecord<String, String> record) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(Map.entry(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        }
        return headers;
    }

    private static List<ConsumerRecord<String, String>> auditOf(String deadLetterTopic) {
        return TestKafka.records(AUDIT_TOPIC).stream().filter(r -> r.key().startsWith(deadLetterTopic + "/")).toList();
    }
}
