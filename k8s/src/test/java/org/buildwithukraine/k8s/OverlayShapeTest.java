package org.buildwithukraine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What distinguishes the overlays: dev is one small copy of everything; production is redundant and placed. */
class OverlayShapeTest {

    private static final List<String> APPLICATIONS = List.of("factory-service", "licence-service", "production-de",
            "production-uk", "order-routing-service", "gateway");

    @Test
    void everyApplicationRunsInBothOverlaysTheProductionLineServiceOncePerRegion() {
        for (String overlay : Manifests.OVERLAYS) {
            List<ObjectNode> objects = Manifests.overlay(overlay);
            assertThat(Manifests.ofKind(objects, "Deployment").map(Manifests::name)).containsExactlyInAnyOrderElementsOf(APPLICATIONS);
            assertThat(Manifests.ofKind(objects, "Deployment")
                    .filter(d -> d.at("/spec/template/spec/containers/0/image").asText().startsWith("bwu/production-line-service:"))
                    .map(Manifests::name)).containsExactlyInAnyOrder("production-de", "production-uk");
            for (String region : List.of("de", "uk")) {
                ObjectNode config = Manifests.ofKind(objects, "ConfigMap")
                        .filter(c -> Manifests.name(c).startsWith("production-config-" + region + "-")).findFirst().orElseThrow();
                assertThat(config.at("/data/BWU_REGION_CODE").asText()).isEqualTo(region);
                assertThat(config.at("/data/QUARKUS_DATASOURCE_JDBC_URL").asText())
                        .contains("//pg-production-" + region + "-rw:5432/production_" + region + "?");
                assertThat(Manifests.get(objects, "Deployment", "production-" + region).at("/spec/template/spec/containers/0/env")
                        .findValues("name")).extracting(JsonNode::asText).contains("QUARKUS_DATASOURCE_PASSWORD");
                assertThat(Manifests.get(objects, "Cluster", "pg-production-" + region).at("/spec/bootstrap/initdb/database").asText())
                        .isEqualTo("production_" + region);
            }
        }
    }

    @Test
    void devRunsOneSmallReplicaOfEverything() {
        List<ObjectNode> dev = Manifests.overlay("dev");
        Manifests.ofKind(dev, "Deployment").forEach(d -> {
            assertThat(d.at("/spec/replicas").asInt()).as(Manifests.name(d)).isEqualTo(1);
            assertThat(d.at("/spec/template/spec/containers/0/resources/requests/cpu").asText()).isEqualTo("50m");
        });
        assertThat(Manifests.ofKind(dev, "Cluster").map(c -> c.at("/spec/instances").asInt())).containsOnly(1);
        assertThat(Manifests.ofKind(dev, "KafkaNodePool").map(c -> c.at("/spec/replicas").asInt())).containsOnly(1);
        assertThat(Manifests.ofKind(dev, "KafkaTopic").map(c -> c.at("/spec/replicas").asInt())).containsOnly(1);
        assertThat(Manifests.ofKind(dev, "HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void productionRunsAtLeastTwoOfEverythingWithDisruptionBudgets() {
        List<ObjectNode> production = Manifests.overlay("production");
        Map<String, ObjectNode> autoscalers = Manifests.ofKind(production, "HorizontalPodAutoscaler")
                .collect(Collectors.toMap(h -> h.at("/spec/scaleTargetRef/name").asText(), h -> h));

        assertThat(autoscalers.keySet()).containsExactlyInAnyOrder("gateway", "production-de", "production-uk");
        for (ObjectNode deployment : Manifests.ofKind(production, "Deployment").toList()) {
            String name = Manifests.name(deployment);
            int least = autoscalers.containsKey(name)
                    ? autoscalers.get(name).at("/spec/minReplicas").asInt()
                    : deployment.at("/spec/replicas").asInt();
            assertThat(least).as(name + " replicas").isGreaterThanOrEqualTo(2);
            if (autoscalers.containsKey(name)) {
                assertThat(deployment.at("/spec/replicas").isMissingNode()).as(name + " leaves replicas to its autoscaler").isTrue();
            }
            assertThat(Manifests.ofKind(production, "PodDisruptionBudget")
                    .filter(pdb -> Manifests.selects(pdb.at("/spec/selector"), deployment.at("/spec/template"))))
                    .as(name + " disruption budget").hasSize(1);
            JsonNode spread = deployment.at("/spec/template/spec/topologySpreadConstraints");
            assertThat(spread.findValues("topologyKey")).extracting(JsonNode::asText)
                    .contains("kubernetes.io/hostname", "topology.kubernetes.io/zone");
        }
        assertThat(Manifests.ofKind(production, "Cluster").map(c -> c.at("/spec/instances").asInt())).allMatch(n -> n >= 2);
        assertThat(Manifests.get(production, "Keycloak", "bwu-keycloak").at("/spec/instances").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void productionPinsEachRegionsServiceAndDatabaseToNodesOfThatRegion() {
        List<ObjectNode> production = Manifests.overlay("production");
        for (String region : List.of("de", "uk")) {
            JsonNode term = Manifests.get(production, "Deployment", "production-" + region)
                    .at("/spec/template/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0");
            assertThat(term.path("key").asText()).isEqualTo("bwu.org/region");
            assertThat(term.path("operator").asText()).isEqualTo("In");
            assertThat(term.path("values")).extracting(JsonNode::asText).containsExactly(region);
            assertThat(Manifests.get(production, "Cluster", "pg-production-" + region).at("/spec/affinity/nodeSelector/bwu.org~1region").asText())
                    .isEqualTo(region);
        }
        assertThat(Manifests.get(production, "Deployment", "gateway").at("/spec/template/spec/affinity").isMissingNode()).isTrue();
    }

    @Test
    void theGatewayIsTheOnlyPublicEntryWithTls() {
        for (String overlay : Manifests.OVERLAYS) {
            List<ObjectNode> objects = Manifests.overlay(overlay);
            for (String name : List.of("gateway", "gateway-technical-data")) {
                ObjectNode ingress = Manifests.get(objects, "Ingress", name);
                assertThat(ingress.at("/spec/tls/0/secretName").asText()).isEqualTo("bwu-gateway-tls");
                assertThat(ingress.findValues("service")).extracting(s -> s.path("name").asText()).containsOnly("gateway");
            }
            assertThat(Manifests.ofKind(objects, "Service").map(s -> s.at("/spec/type").asText("ClusterIP"))).containsOnly("ClusterIP");
            // nothing but the gateway's (all of it, and its file paths with larger bodies) and Keycloak's public
            // paths are behind an Ingress
            assertThat(Manifests.ofKind(objects, "Ingress").map(Manifests::name))
                    .containsExactlyInAnyOrder("gateway", "gateway-technical-data", "keycloak");
        }
    }

    @Test
    void noSecretValueIsCommitted() {
        for (String overlay : Manifests.OVERLAYS) {
            assertThat(Manifests.ofKind(Manifests.overlay(overlay), "Secret")).isEmpty();
            Manifests.ofKind(Manifests.overlay(overlay), "ConfigMap").forEach(c -> assertThat(c.path("data").fieldNames())
                    .toIterable().noneMatch(k -> k.contains("PASSWORD") || k.contains("SECRET") || k.contains("JAAS")));
        }
    }
}
