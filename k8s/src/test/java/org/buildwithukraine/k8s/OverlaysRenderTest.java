package org.buildwithukraine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every overlay renders, and every object it renders is a valid object of its kind. */
class OverlaysRenderTest {

    @ParameterizedTest(name = "overlay {0} renders")
    @ValueSource(strings = {"dev", "production"})
    void renders(String overlay) {
        List<ObjectNode> objects = Manifests.overlay(overlay);

        assertThat(objects).extracting(Manifests::kind)
                .contains("Namespace", "Deployment", "Service", "ServiceAccount", "ConfigMap", "NetworkPolicy",
                        "Ingress", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Keycloak",
                        "KeycloakRealmImport");
        assertThat(objects).extracting(Manifests::id).doesNotHaveDuplicates();
    }

    static Stream<Arguments> renderedObjects() {
        return Manifests.OVERLAYS.stream()
                .flatMap(overlay -> Manifests.overlay(overlay).stream().map(o -> Arguments.of(overlay, Manifests.id(o), o)));
    }

    @ParameterizedTest(name = "{0}: {1} is valid")
    @MethodSource("renderedObjects")
    void everyObjectIsValidForItsKind(String overlay, String id, ObjectNode object) {
        assertThat(SchemaValidator.validate(object)).isEmpty();
    }

    @Test
    void theValidatorRejectsWhatTheApiServerWouldRejectOrSilentlyDrop() {
        ObjectNode deployment = Manifests.get(Manifests.copyOf("dev"), "Deployment", "factory-service");
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).put("imagePullPolicy", "Always")
                .put("livenesProbe", "typo");
        assertThat(SchemaValidator.validate(deployment)).singleElement().asString().contains("livenesProbe");

        ObjectNode noSelector = Manifests.get(Manifests.copyOf("dev"), "Deployment", "factory-service");
        ((ObjectNode) noSelector.get("spec")).remove("selector");
        assertThat(SchemaValidator.validate(noSelector)).singleElement().asString().contains("selector");

        ObjectNode topic = Manifests.get(Manifests.copyOf("dev"), "KafkaTopic", "line-status");
        ((ObjectNode) topic.get("spec")).put("replicationFactor", 3);
        assertThat(SchemaValidator.validate(topic)).singleElement().asString().contains("replicationFactor");

        ObjectNode kafka = Manifests.get(Manifests.copyOf("dev"), "Kafka", "bwu-kafka");
        ((ObjectNode) kafka.at("/spec/kafka/listeners/0/authentication")).put("type", "scram-sha-256");
        assertThat(SchemaValidator.validate(kafka)).singleElement().asString().contains("scram-sha-256");

        ObjectNode cluster = Manifests.get(Manifests.copyOf("dev"), "Cluster", "pg-factory");
        ((ObjectNode) cluster.get("spec")).put("instance", 3);
        ((ObjectNode) cluster.at("/spec/resources")).set("limts", ((ObjectNode) cluster.at("/spec/resources")).remove("limits"));
        assertThat(SchemaValidator.validate(cluster)).hasSize(2).anySatisfy(e -> assertThat(e).contains("spec.instance"))
                .anySatisfy(e -> assertThat(e).contains("limts"));

        ObjectNode keycloak = Manifests.get(Manifests.copyOf("dev"), "Keycloak", "bwu-keycloak");
        ((ObjectNode) keycloak.at("/spec/db")).put("vendor", "postgresql");
        assertThat(SchemaValidator.validate(keycloak)).singleElement().asString().contains("postgresql");

        ObjectNode realmImport = Manifests.get(Manifests.copyOf("dev"), "KeycloakRealmImport", "bwu");
        ((ObjectNode) realmImport.at("/spec/realm")).put("accessTokenLifespann", 300);
        assertThat(SchemaValidator.validate(realmImport)).singleElement().asString().contains("accessTokenLifespann");

        ObjectNode unknownKind = Manifests.get(Manifests.copyOf("dev"), "Service", "gateway");
        unknownKind.put("apiVersion", "example.org/v1");
        assertThat(SchemaValidator.validate(unknownKind)).singleElement().asString().contains("no schema");

        ObjectNode badName = Manifests.get(Manifests.copyOf("dev"), "ServiceAccount", "gateway");
        ((ObjectNode) badName.get("metadata")).put("name", "Platform_Config");
        assertThat(SchemaValidator.validate(badName)).singleElement().asString().contains("not a valid Kubernetes name");
    }
}
