package org.buildwithukraine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.buildwithukraine.events.Topics;

/** The Kafka cluster has every topic of the event contracts, durable, and a dead-letter topic for each. */
class KafkaTopicsTest {

    static List<String> contractTopics() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
                topics.add((String) field.get(null));
            }
        }
        return topics;
    }

    @Test
    void everyContractTopicAndItsDeadLetterTopicIsDurableInProduction() throws IllegalAccessException {
        Map<String, JsonNode> topics = byTopicName("production");
        List<String> expected = new ArrayList<>();
        for (String topic : contractTopics()) {
            expected.add(topic);
            expected.add(Topics.deadLetterOf(topic));
        }
        // the audit of the operator's dead-letter re-drives, written and read by the gateway only
        expected.add(redriveAuditTopic());

        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).contains("factory.events", "licence.events", "line.status", "line.output",
                "order.allocations", "order.events", "line.output.dlq");
        topics.forEach((name, spec) -> {
            assertThat(spec.path("partitions").asInt()).as(name + " partitions").isPositive();
            assertThat(spec.path("replicas").asInt()).as(name + " replicas").isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(name + " min.insync.replicas").isEqualTo(2);
        });
    }

    @Test
    void theGatewayReadsEveryDeadLetterTopicAndRedrivesToItsTopicOnly() throws IllegalAccessException {
        ObjectNode gateway = Manifests.get(Manifests.overlay("production"), "KafkaUser", "gateway");
        for (String topic : contractTopics()) {
            assertThat(allows(gateway, "topic", Topics.deadLetterOf(topic), "Read")).as("reads " + topic + ".dlq").isTrue();
            assertThat(allows(gateway, "topic", topic, "Write")).as("writes " + topic).isTrue();
            assertThat(allows(gateway, "topic", topic, "Read")).as("reads " + topic).isFalse();
            assertThat(allows(gateway, "topic", Topics.deadLetterOf(topic), "Write")).as("writes " + topic + ".dlq").isFalse();
        }
        assertThat(allows(gateway, "topic", redriveAuditTopic(), "Read")).isTrue();
        assertThat(allows(gateway, "topic", redriveAuditTopic(), "Write")).isTrue();
        assertThat(allows(gateway, "transactionalId",
                AppConfig.properties("bwu/gateway").getProperty("bwu.gateway.dead-letters.transactional-id"), "Write"))
                .isTrue();
        assertThat(allows(gateway, "group", "any", "Read")).isFalse();
    }

    private static String redriveAuditTopic() {
        return AppConfig.properties("bwu/gateway").getProperty("bwu.gateway.dead-letters.audit-topic");
    }

    @Test
    void theClusterAcceptsNoTopicItDoesNotDeclareAndReplicatesInternalTopics() {
        JsonNode config = Manifests.get(Manifests.overlay("production"), "Kafka", "bwu-kafka").at("/spec/kafka/config");

        assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(Manifests.ofKind(Manifests.overlay("production"), "KafkaNodePool")
                .map(p -> p.at("/spec/roles/0").asText() + "=" + p.at("/spec/replicas").asInt()))
                .containsExactlyInAnyOrder("controller=3", "broker=3");
    }

    /** Consumers in a consumer group (the services' channels); the gateway reads dead letters without one. */
    @Test
    void everyConsumedTopicsDeadLetterTopicIsWritableByItsConsumer() {
        for (ObjectNode user : Manifests.ofKind(Manifests.overlay("production"), "KafkaUser").toList()) {
            List<String> reads = new ArrayList<>();
            List<String> writes = new ArrayList<>();
            boolean inGroups = false;
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                inGroups |= acl.at("/resource/type").asText().equals("group");
                if (!acl.at("/resource/type").asText().equals("topic")) {
                    continue;
                }
                List<String> operations = new ArrayList<>();
                acl.path("operations").forEach(o -> operations.add(o.asText()));
                (operations.contains("Read") ? reads : writes).add(acl.at("/resource/name").asText());
            }
            if (inGroups) {
                assertThat(writes).as(Manifests.name(user))
                        .containsAll(reads.stream().map(Topics::deadLetterOf).collect(Collectors.toList()));
            }
        }
    }

    @Test
    void everyApplicationMayReadWhatItConsumesInItsGroupAndDeadLetterWhatItCannotRead() {
        List<ObjectNode> objects = Manifests.overlay("production");
        int channels = 0;
        for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment").toList()) {
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            String image = container.path("image").asText();
            String user = null;
            for (JsonNode env : container.path("env")) {
                if (env.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")) {
                    user = env.at("/valueFrom/secretKeyRef/name").asText();
                }
            }
            if (user == null) {
                continue;
            }
            ObjectNode kafkaUser = Manifests.get(objects, "KafkaUser", user);
            String region = regionOf(objects, container);
            java.util.Properties properties = AppConfig.properties(image);
            for (String key : properties.stringPropertyNames()) {
                if (!key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                    continue;
                }
                channels++;
                String channel = key.substring(0, key.length() - ".topic".length());
                String topic = properties.getProperty(key);
                String group = properties.getProperty(channel + ".group.id", "").replace("${bwu.region.code}", region);
                String deadLetters = properties.getProperty(channel + ".dead-letter-queue.topic");
                assertThat(allows(kafkaUser, "topic", topic, "Read")).as(user + " reads " + topic).isTrue();
                assertThat(allows(kafkaUser, "group", group, "Read")).as(user + " in group " + group).isTrue();
                assertThat(byTopicName("production")).as("topic " + topic).containsKey(topic);
                if (deadLetters != null) {
                    assertThat(allows(kafkaUser, "topic", deadLetters, "Write")).as(user + " writes " + deadLetters).isTrue();
                    assertThat(byTopicName("production")).containsKey(deadLetters);
                }
            }
        }
        assertThat(channels).as("incoming channels checked").isGreaterThanOrEqualTo(4);
    }

    private static String regionOf(List<ObjectNode> objects, JsonNode container) {
        for (JsonNode source : container.path("envFrom")) {
            String name = source.at("/configMapRef/name").asText();
            JsonNode code = Manifests.get(objects, "ConfigMap", name).at("/data/BWU_REGION_CODE");
            if (!code.isMissingNode()) {
                return code.asText();
            }
        }
        return "";
    }

    private static boolean allows(JsonNode kafkaUser, String type, String name, String operation) {
        for (JsonNode acl : kafkaUser.at("/spec/authorization/acls")) {
            JsonNode resource = acl.path("resource");
            boolean matches = resource.path("type").asText().equals(type)
                    && (resource.path("patternType").asText("literal").equals("prefix")
                            ? name.startsWith(resource.path("name").asText())
                            : name.equals(resource.path("name").asText()));
            boolean permits = false;
            for (JsonNode op : acl.path("operations")) {
                permits |= op.asText().equals(operation) || op.asText().equals("All");
            }
            if (matches && permits) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, JsonNode> byTopicName(String overlay) {
        return Manifests.ofKind(Manifests.overlay(overlay), "KafkaTopic")
                .collect(Collectors.toMap(t -> t.at("/spec/topicName").asText(), t -> t.get("spec")));
    }
}
