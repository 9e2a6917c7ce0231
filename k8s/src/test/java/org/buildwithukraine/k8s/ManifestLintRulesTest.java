package org.buildwithukraine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.buildwithukraine.k8s.ManifestLint.Rule;
import org.buildwithukraine.k8s.ManifestLint.Violation;

/** Each lint rule catches the broken manifest it exists for: the production overlay, broken in one place. */
class ManifestLintRulesTest {

    private static final String OVERLAY = "production";
    private static final String NGINX = "nginx.ingress.kubernetes.io/";

    @Test
    void theUnbrokenOverlayIsClean() {
        assertThat(lintAfter(objects -> { })).isEmpty();
    }

    @Test
    void aContainerWithoutAProbe() {
        assertThat(lintAfter(objects -> container(objects, "licence-service").remove("readinessProbe")))
                .singleElement().satisfies(v -> assertRule(v, Rule.PROBES, "Deployment/licence-service", "readinessProbe"));
    }

    @Test
    void aProbeOnTheWrongEndpoint() {
        assertThat(lintAfter(objects -> ((ObjectNode) container(objects, "gateway").at("/livenessProbe/httpGet"))
                .put("path", "/q/health")))
                .singleElement().satisfies(v -> assertRule(v, Rule.PROBES, "Deployment/gateway", "/q/health/live"));
    }

    @Test
    void aProbeOnTheHttpPort() {
        assertThat(lintAfter(objects -> ((ObjectNode) container(objects, "factory-service").at("/readinessProbe/httpGet"))
                .put("port", "http")))
                .singleElement().satisfies(v -> assertRule(v, Rule.PROBES, "Deployment/factory-service", "readinessProbe is not on the management port 9000"));
    }

    @Test
    void aProbeOnTheHttpPortByNumber() {
        assertThat(lintAfter(objects -> ((ObjectNode) container(objects, "gateway").at("/startupProbe/httpGet"))
                .put("port", 8080)))
                .singleElement().satisfies(v -> assertRule(v, Rule.PROBES, "Deployment/gateway", "startupProbe is not on the management port 9000"));
    }

    @Test
    void aContainerWithoutLimits() {
        assertThat(lintAfter(objects -> ((ObjectNode) container(objects, "production-de").get("resources")).remove("limits")))
                .extracting(Violation::rule).containsExactly(Rule.RESOURCES, Rule.RESOURCES);
    }

    @Test
    void aContainerWithoutAMemoryRequest() {
        assertThat(lintAfter(objects -> ((ObjectNode) container(objects, "factory-service").at("/resources/requests"))
                .remove("memory")))
                .singleElement().satisfies(v -> assertRule(v, Rule.RESOURCES, "Deployment/factory-service", "memory requests"));
    }

    @Test
    void aWritableRootFileSystem() {
        assertThat(lintAfter(objects -> securityContext(objects, "order-routing-service").put("readOnlyRootFilesystem", false)))
                .singleElement().satisfies(v -> assertRule(v, Rule.SECURITY_CONTEXT, "Deployment/order-routing-service", "writable root"));
    }

    @Test
    void privilegeEscalation() {
        assertThat(lintAfter(objects -> securityContext(objects, "gateway").remove("allowPrivilegeEscalation")))
                .singleElement().satisfies(v -> assertRule(v, Rule.SECURITY_CONTEXT, "Deployment/gateway", "escalation"));
    }

    @Test
    void capabilitiesNotDropped() {
        assertThat(lintAfter(objects -> securityContext(objects, "gateway").remove("capabilities")))
                .singleElement().satisfies(v -> assertRule(v, Rule.SECURITY_CONTEXT, "Deployment/gateway", "drop ALL"));
    }

    @Test
    void rootAllowed() {
        assertThat(lintAfter(objects -> {
            securityContext(objects, "gateway").remove("runAsNonRoot");
            ((ObjectNode) deployment(objects, "gateway").at("/spec/template/spec/securityContext")).remove("runAsNonRoot");
        })).singleElement().satisfies(v -> assertRule(v, Rule.SECURITY_CONTEXT, "Deployment/gateway", "root"));
    }

    @Test
    void noSeccompProfile() {
        assertThat(lintAfter(objects -> {
            securityContext(objects, "gateway").remove("seccompProfile");
            ((ObjectNode) deployment(objects, "gateway").at("/spec/template/spec/securityContext")).remove("seccompProfile");
        })).singleElement().satisfies(v -> assertRule(v, Rule.SECURITY_CONTEXT, "Deployment/gateway", "seccomp"));
    }

    @Test
    void aReadOnlyRootWithoutWritableTmp() {
        assertThat(lintAfter(objects -> ((ArrayNode) container(objects, "gateway").get("volumeMounts")).removeAll()))
                .singleElement().satisfies(v -> assertRule(v, Rule.WRITABLE_TMP, "Deployment/gateway", "/tmp"));
    }

    @Test
    void aMountedServiceAccountToken() {
        assertThat(lintAfter(objects -> ((ObjectNode) deployment(objects, "gateway").at("/spec/template/spec"))
                .remove("automountServiceAccountToken")))
                .singleElement().satisfies(v -> assertRule(v, Rule.SERVICE_ACCOUNT_TOKEN, "Deployment/gateway", "automount"));
    }

    @Test
    void aServiceThatSelectsNoPod() {
        assertThat(lintAfter(objects -> ((ObjectNode) Manifests.get(objects, "Service", "production-uk").at("/spec/selector"))
                .put("app.kubernetes.io/instance", "production-pl")))
                .singleElement().satisfies(v -> assertRule(v, Rule.SERVICE_SELECTS_PODS, "Service/production-uk", "selects no pod"));
    }

    @Test
    void aServiceOnAPortThePodsDoNotHave() {
        assertThat(lintAfter(objects -> ((ObjectNode) Manifests.get(objects, "Service", "gateway").at("/spec/ports/0"))
                .put("targetPort", "https")))
                .singleElement().satisfies(v -> assertRule(v, Rule.SERVICE_SELECTS_PODS, "Service/gateway", "https"));
    }

    @Test
    void aPodThatNoNetworkPolicyOfItsOwnCovers() {
        // its egress stays governed by the policies for Kafka and Keycloak clients; nothing of its own governs its
        // ingress, so default deny keeps out the gateway and Prometheus too
        List<Violation> violations = lintAfter(objects -> objects.remove(Manifests.get(objects, "NetworkPolicy", "licence-service")));
        assertThat(violations).extracting(Violation::rule)
                .containsExactlyInAnyOrder(Rule.NETWORK_POLICY, Rule.HTTP_INGRESS, Rule.HTTP_INGRESS, Rule.PROMETHEUS,
                        Rule.EGRESS);
        assertThat(violations).filteredOn(v -> v.rule() == Rule.NETWORK_POLICY)
                .singleElement().satisfies(v -> assertRule(v, Rule.NETWORK_POLICY, "Deployment/licence-service", "ingress"));
        // and its database was reached only through its own policy
        assertThat(violations).filteredOn(v -> v.rule() == Rule.EGRESS)
                .singleElement().satisfies(v -> assertRule(v, Rule.EGRESS, "Deployment/licence-service", "its database pg-licence"));
    }

    @Test
    void aPodWhosePolicyNoLongerSelectsIt() {
        assertThat(lintAfter(objects -> {
            ObjectNode labels = (ObjectNode) deployment(objects, "factory-service").at("/spec/template/metadata/labels");
            labels.put("app.kubernetes.io/name", "factory");
            labels.remove(List.of("bwu.org/kafka-client", "bwu.org/keycloak-client"));
        }))
                // its Service and PodDisruptionBudget lose it too; the lint names the policies
                .filteredOn(v -> v.rule() == Rule.NETWORK_POLICY)
                .extracting(Violation::message).containsExactly(
                        "no NetworkPolicy of its own governs its ingress traffic",
                        "no NetworkPolicy of its own governs its egress traffic");
    }

    @Test
    void aNamespaceWithoutDefaultDeny() {
        assertThat(lintAfter(objects -> objects.remove(Manifests.get(objects, "NetworkPolicy", "default-deny"))))
                .singleElement().satisfies(v -> assertRule(v, Rule.NETWORK_POLICY, "Namespace/bwu", "default-deny"));
    }

    @Test
    void prometheusAdmittedToAServicesHttpPort() {
        assertThat(lintAfter(objects -> ((ArrayNode) policy(objects, "factory-service").at("/spec/ingress/1/ports")).addObject()
                .put("port", "http").put("protocol", "TCP")))
                .singleElement().satisfies(v -> assertRule(v, Rule.HTTP_INGRESS, "Deployment/factory-service",
                        "NetworkPolicy/factory-service admits {\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"monitoring\"}}"));
    }

    @Test
    void aRuleWithoutPortsOpensTheHttpPortToo() {
        // Prometheus still reaches the management port; it reaches every other port as well
        assertThat(lintAfter(objects -> ((ObjectNode) policy(objects, "licence-service").at("/spec/ingress/1")).remove("ports")))
                .singleElement().satisfies(v -> assertRule(v, Rule.HTTP_INGRESS, "Deployment/licence-service", "prometheus"));
    }

    @Test
    void aRuleWithoutPeersAdmitsEveryone() {
        assertThat(lintAfter(objects -> ((ObjectNode) policy(objects, "order-routing-service").at("/spec/ingress/0")).remove("from")))
                .singleElement().satisfies(v -> assertRule(v, Rule.HTTP_INGRESS, "Deployment/order-routing-service", "admits everyone"));
    }

    @Test
    void theHttpPortByNumberAdmittingEveryPodOfTheNamespace() {
        assertThat(lintAfter(objects -> {
            ObjectNode rule = ((ArrayNode) policy(objects, "production-de").at("/spec/ingress")).addObject();
            rule.putArray("from").addObject().putObject("podSelector");
            rule.putArray("ports").addObject().put("port", 8080);
        })).singleElement().satisfies(v -> assertRule(v, Rule.HTTP_INGRESS, "Deployment/production-de", "admits {\"podSelector\":{}}"));
    }

    @Test
    void aPortRangeThatIncludesTheHttpPort() {
        assertThat(lintAfter(objects -> {
            ObjectNode rule = ((ArrayNode) policy(objects, "production-uk").at("/spec/ingress")).addObject();
            rule.putArray("from").addObject().putObject("namespaceSelector");
            rule.putArray("ports").addObject().put("port", 8000).put("endPort", 8999);
        })).singleElement().satisfies(v -> assertRule(v, Rule.HTTP_INGRESS, "Deployment/production-uk", "HTTP port 8080"));
    }

    @Test
    void aServiceThatKeepsItsManagementPortFromTheGateway() {
        // the operator's platform status would show the service as unknown
        assertThat(lintAfter(objects -> ((ArrayNode) policy(objects, "licence-service").at("/spec/ingress/0/ports")).remove(1)))
                .singleElement().satisfies(v -> assertRule(v, Rule.HTTP_INGRESS, "Deployment/licence-service",
                        "no NetworkPolicy admits the gateway's pods to its management port 9000 (the platform status)"));
    }

    @Test
    void aGatewayThatCannotReachTheManagementPorts() {
        assertThat(lintAfter(objects -> ((ArrayNode) policy(objects, "gateway").at("/spec/egress/0/ports")).remove(1)))
                .hasSize(5).allSatisfy(v -> assertThat(v.toString()).startsWith("HTTP_INGRESS Deployment/")
                        .endsWith("no NetworkPolicy lets the gateway's pods out to its management port 9000 (the platform status)"));
    }

    @Test
    void theGatewaysPodsOfAnyNamespace() {
        // it still admits the gateway; it admits pods labelled like it in every other namespace as well
        assertThat(lintAfter(objects -> ((ObjectNode) policy(objects, "licence-service").at("/spec/ingress/0/from/0"))
                .putObject("namespaceSelector")))
                .singleElement().satisfies(v -> assertRule(v, Rule.HTTP_INGRESS, "Deployment/licence-service", "only the gateway's pods may"));
    }

    @Test
    void aPolicyForEveryPodAdmittingPrometheusEverywhere() {
        // policies add up: a namespace-wide one opens the HTTP port of every application beside their own policies
        assertThat(lintAfter(objects -> {
            ObjectNode policy = policy(objects, "factory-service").deepCopy();
            ((ObjectNode) policy.get("metadata")).put("name", "scrape-everything");
            ObjectNode spec = (ObjectNode) policy.get("spec");
            spec.putObject("podSelector");
            spec.putArray("policyTypes").add("Ingress");
            spec.remove("egress");
            ((ArrayNode) spec.get("ingress")).remove(0);
            ((ObjectNode) spec.at("/ingress/0")).remove("ports");
            objects.add(policy);
        })).allSatisfy(v -> assertThat(v.rule()).isEqualTo(Rule.HTTP_INGRESS))
                .extracting(Violation::object).containsExactlyInAnyOrder("Deployment/factory-service",
                        "Deployment/licence-service", "Deployment/production-de", "Deployment/production-uk",
                        "Deployment/order-routing-service", "Deployment/gateway");
    }

    @Test
    void prometheusAdmittedToTheGatewaysHttpPort() {
        assertThat(lintAfter(objects -> ((ArrayNode) policy(objects, "gateway").at("/spec/ingress/0/from"))
                .add(policy(objects, "gateway").at("/spec/ingress/1/from/0").deepCopy())))
                .singleElement().satisfies(v -> assertRule(v, Rule.HTTP_INGRESS, "Deployment/gateway", "only the ingress controller may"));
    }

    @Test
    void anAddressRangeAdmittedToTheGateway() {
        assertThat(lintAfter(objects -> {
            ObjectNode rule = ((ArrayNode) policy(objects, "gateway").at("/spec/ingress")).addObject();
            rule.putArray("from").addObject().putObject("ipBlock").put("cidr", "0.0.0.0/0");
            rule.putArray("ports").addObject().put("port", "http");
        })).singleElement().satisfies(v -> assertRule(v, Rule.HTTP_INGRESS, "Deployment/gateway", "ipBlock"));
    }

    @Test
    void aServiceThatNoLongerAdmitsTheGateway() {
        assertThat(lintAfter(objects -> ((ArrayNode) policy(objects, "factory-service").at("/spec/ingress")).remove(0)))
                .extracting(Violation::toString).containsExactlyInAnyOrder(
                        "HTTP_INGRESS Deployment/factory-service: no NetworkPolicy admits the gateway's pods to its HTTP port 8080",
                        "HTTP_INGRESS Deployment/factory-service: no NetworkPolicy admits the gateway's pods to its management "
                                + "port 9000 (the platform status)");
    }

    @Test
    void theGatewayNoLongerAllowedOutToAService() {
        assertThat(lintAfter(objects -> ((ArrayNode) policy(objects, "gateway").at("/spec/egress/0/to")).remove(1)))
                .extracting(Violation::toString).containsExactlyInAnyOrder(
                        "HTTP_INGRESS Deployment/licence-service: no NetworkPolicy lets the gateway's pods out to its HTTP port 8080",
                        "HTTP_INGRESS Deployment/licence-service: no NetworkPolicy lets the gateway's pods out to its management "
                                + "port 9000 (the platform status)");
    }

    @Test
    void theIngressControllerNoLongerAdmittedToTheGateway() {
        assertThat(lintAfter(objects -> ((ArrayNode) policy(objects, "gateway").at("/spec/ingress")).remove(0)))
                .singleElement().satisfies(v -> assertRule(v, Rule.HTTP_INGRESS, "Deployment/gateway",
                        "no NetworkPolicy admits the ingress controller"));
    }

    @Test
    void anEgressRuleWithoutPeersLetsAPodOutAnywhere() {
        assertThat(lintAfter(objects -> ((ObjectNode) policy(objects, "factory-service").at("/spec/egress/0")).remove("to")))
                .singleElement().satisfies(v -> assertRule(v, Rule.EGRESS, "Deployment/factory-service",
                        "NetworkPolicy/factory-service lets it out to anywhere (a rule without to); it may reach only the cluster DNS, "
                                + "the Kafka brokers of bwu-kafka, Keycloak bwu-keycloak, its database pg-factory"));
    }

    @Test
    void anAddressRangeAsDestination() {
        assertThat(lintAfter(objects -> {
            ObjectNode rule = ((ArrayNode) policy(objects, "gateway").at("/spec/egress")).addObject();
            rule.putArray("to").addObject().putObject("ipBlock").put("cidr", "0.0.0.0/0");
            rule.putArray("ports").addObject().put("port", 443).put("protocol", "TCP");
        })).singleElement().satisfies(v -> assertRule(v, Rule.EGRESS, "Deployment/gateway",
                "NetworkPolicy/gateway lets it out to an address range {\"ipBlock\":{\"cidr\":\"0.0.0.0/0\"}}"));
    }

    @Test
    void aPeerThatSelectsMoreThanTheKafkaBrokers() {
        // the controllers carry the cluster label too: every Kafka client could reach them
        assertThat(lintAfter(objects -> ((ObjectNode) policy(objects, "kafka-clients").at("/spec/egress/0/to/0/podSelector/matchLabels"))
                .remove("strimzi.io/broker-role")))
                .allSatisfy(v -> assertThat(v.toString()).startsWith("EGRESS Deployment/").contains(
                        "NetworkPolicy/kafka-clients lets it out to {\"podSelector\":{\"matchLabels\":{\"strimzi.io/cluster\":\"bwu-kafka\"}}}"))
                .extracting(Violation::object).containsExactlyInAnyOrder("Deployment/factory-service",
                        "Deployment/licence-service", "Deployment/production-de", "Deployment/production-uk",
                        "Deployment/order-routing-service", "Deployment/gateway");
    }

    @Test
    void aNamespaceSelectorWithoutPodSelector() {
        // DNS is still reached, and so is every pod of kube-system
        assertThat(lintAfter(objects -> ((ObjectNode) policy(objects, "allow-dns").at("/spec/egress/0/to/0")).remove("podSelector")))
                .hasSize(6).allSatisfy(v -> assertThat(v.toString()).startsWith("EGRESS Deployment/").contains(
                        "NetworkPolicy/allow-dns lets it out to {\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"kube-system\"}}}"));
    }

    @Test
    void anotherServicesDatabase() {
        assertThat(lintAfter(objects -> ((ArrayNode) policy(objects, "factory-service").at("/spec/egress/0/to")).addObject()
                .putObject("podSelector").putObject("matchLabels").put("cnpg.io/cluster", "pg-licence")))
                .singleElement().satisfies(v -> assertRule(v, Rule.EGRESS, "Deployment/factory-service",
                        "NetworkPolicy/factory-service lets it out to {\"podSelector\":{\"matchLabels\":{\"cnpg.io/cluster\":\"pg-licence\"}}}"));
    }

    @Test
    void anotherRegionsDatabase() {
        // the own database follows from the pod's bwu.org/database label and the Cluster that holds that database
        assertThat(lintAfter(objects -> ((ObjectNode) policy(objects, "production-de").at("/spec/egress/0/to/0/podSelector/matchLabels"))
                .put("cnpg.io/cluster", "pg-production-uk")))
                .allSatisfy(v -> assertThat(v.object()).isEqualTo("Deployment/production-de"))
                .extracting(Violation::toString).containsExactlyInAnyOrder(
                        "EGRESS Deployment/production-de: NetworkPolicy/production-de lets it out to "
                                + "{\"podSelector\":{\"matchLabels\":{\"cnpg.io/cluster\":\"pg-production-uk\"}}}; it may reach only "
                                + "the cluster DNS, the Kafka brokers of bwu-kafka, Keycloak bwu-keycloak, its database pg-production-de",
                        "EGRESS Deployment/production-de: no NetworkPolicy lets it out to its database pg-production-de on 5432/TCP");
    }

    @Test
    void aServiceCallingAnotherService() {
        // only the gateway calls the services
        assertThat(lintAfter(objects -> {
            ObjectNode rule = ((ArrayNode) policy(objects, "licence-service").at("/spec/egress")).addObject();
            rule.putArray("to").addObject().putObject("podSelector").putObject("matchLabels").put("app.kubernetes.io/name", "factory-service");
            rule.putArray("ports").addObject().put("port", 8080).put("protocol", "TCP");
        })).singleElement().satisfies(v -> assertRule(v, Rule.EGRESS, "Deployment/licence-service",
                "lets it out to {\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"factory-service\"}}}"));
    }

    @Test
    void anEgressRuleWithoutPorts() {
        assertThat(lintAfter(objects -> ((ObjectNode) policy(objects, "order-routing-service").at("/spec/egress/0")).remove("ports")))
                .singleElement().satisfies(v -> assertRule(v, Rule.EGRESS, "Deployment/order-routing-service",
                        "NetworkPolicy/order-routing-service lets it out to its database pg-routing on every port (a rule without ports); only 5432/TCP"));
    }

    @Test
    void aPortRangeBeyondTheServicesHttpPort() {
        // 8080-9000 takes in every port between the services' HTTP and management ports
        assertThat(lintAfter(objects -> ((ObjectNode) policy(objects, "gateway").at("/spec/egress/0/ports/0")).put("endPort", 9000)))
                .hasSize(4).allSatisfy(v -> assertThat(v.toString()).startsWith("EGRESS Deployment/gateway: NetworkPolicy/gateway lets it out to the ")
                        .endsWith(" pods on 8080-9000/TCP; only 8080/TCP, 9000/TCP"));
    }

    @Test
    void aDatabaseThatNoClusterHolds() {
        assertThat(lintAfter(objects -> ((ObjectNode) deployment(objects, "factory-service").at("/spec/template/metadata/labels"))
                .put("bwu.org/database", "factories")))
                .extracting(Violation::toString).containsExactlyInAnyOrder(
                        "EGRESS Deployment/factory-service: its database factories (bwu.org/database) is in no rendered CloudNativePG Cluster",
                        "EGRESS Deployment/factory-service: NetworkPolicy/factory-service lets it out to "
                                + "{\"podSelector\":{\"matchLabels\":{\"cnpg.io/cluster\":\"pg-factory\"}}}; it may reach only "
                                + "the cluster DNS, the Kafka brokers of bwu-kafka, Keycloak bwu-keycloak");
    }

    @Test
    void aServiceThatNoLongerReachesItsDatabase() {
        assertThat(lintAfter(objects -> ((ArrayNode) policy(objects, "factory-service").at("/spec/egress")).removeAll()))
                .singleElement().satisfies(v -> assertRule(v, Rule.EGRESS, "Deployment/factory-service",
                        "no NetworkPolicy lets it out to its database pg-factory on 5432/TCP"));
    }

    @Test
    void aKafkaClientThatNoLongerReachesKafka() {
        // it has Kafka channels (its outbox), so it is a Kafka client whatever its labels say
        assertThat(lintAfter(objects -> ((ObjectNode) deployment(objects, "order-routing-service").at("/spec/template/metadata/labels"))
                .remove("bwu.org/kafka-client")))
                .singleElement().satisfies(v -> assertRule(v, Rule.EGRESS, "Deployment/order-routing-service",
                        "no NetworkPolicy lets it out to the Kafka brokers of bwu-kafka on 9093/TCP"));
    }

    @Test
    void aKeycloakClientThatNoLongerReachesKeycloak() {
        assertThat(lintAfter(objects -> ((ObjectNode) deployment(objects, "gateway").at("/spec/template/metadata/labels"))
                .remove("bwu.org/keycloak-client")))
                .singleElement().satisfies(v -> assertRule(v, Rule.EGRESS, "Deployment/gateway",
                        "no NetworkPolicy lets it out to Keycloak bwu-keycloak on 8080/TCP"));
    }

    @Test
    void podsThatNoLongerResolveNamesOverUdp() {
        assertThat(lintAfter(objects -> ((ArrayNode) policy(objects, "allow-dns").at("/spec/egress/0/ports")).remove(0)))
                .hasSize(6).allSatisfy(v -> assertThat(v.toString()).startsWith("EGRESS Deployment/")
                        .endsWith("no NetworkPolicy lets it out to the cluster DNS on 53/UDP"));
    }

    @Test
    void aPodWhoseEgressNoPolicyGoverns() {
        // without default deny and with nothing else selecting it for egress, the gateway reaches everything
        assertThat(lintAfter(objects -> {
            objects.removeIf(o -> List.of("NetworkPolicy/default-deny", "NetworkPolicy/allow-dns", "NetworkPolicy/keycloak-clients",
                    "NetworkPolicy/kafka-clients").contains(Manifests.id(o)));
            ObjectNode spec = (ObjectNode) policy(objects, "gateway").get("spec");
            spec.putArray("policyTypes").add("Ingress");
            spec.remove("egress");
        })).filteredOn(v -> v.object().equals("Deployment/gateway")).extracting(Violation::toString).containsExactlyInAnyOrder(
                "NETWORK_POLICY Deployment/gateway: no NetworkPolicy of its own governs its egress traffic",
                "EGRESS Deployment/gateway: no NetworkPolicy governs its egress: it reaches everything");
    }

    @Test
    void anEnvironmentVariableTheApplicationDoesNotRead() {
        assertThat(lintAfter(objects -> ((ArrayNode) container(objects, "factory-service").get("env")).addObject()
                .put("name", "QUARKUS_DATASOURCE_JDBC_URLL").put("value", "jdbc:postgresql://x/y")))
                .singleElement().satisfies(v -> assertRule(v, Rule.CONFIG_KEYS, "Deployment/factory-service", "QUARKUS_DATASOURCE_JDBC_URLL"));
    }

    @Test
    void anotherApplicationsConfigurationInAConfigMap() {
        // the gateway has no database: the licence service's datasource settings are not its configuration
        assertThat(lintAfter(objects -> ((ArrayNode) container(objects, "gateway").get("envFrom")).addObject()
                .putObject("configMapRef").put("name", Manifests.name(configMap(objects, "licence-service-config")))))
                .isNotEmpty().allSatisfy(v -> assertRule(v, Rule.CONFIG_KEYS, "Deployment/gateway", "QUARKUS_DATASOURCE"));
    }

    @Test
    void aKafkaVariableThatIsNoKafkaClientProperty() {
        assertThat(lintAfter(objects -> ((ArrayNode) container(objects, "licence-service").get("env")).addObject()
                .put("name", "KAFKA_SASL_MECHANISMS").put("value", "SCRAM-SHA-512")))
                .singleElement().satisfies(v -> assertRule(v, Rule.CONFIG_KEYS, "Deployment/licence-service", "KAFKA_SASL_MECHANISMS"));
    }

    @Test
    void aRegionVariableThatIsNoPropertyOfRegionConfig() {
        assertThat(lintAfter(objects -> ((ArrayNode) container(objects, "production-uk").get("env")).addObject()
                .put("name", "BWU_REGION").put("value", "uk")))
                .singleElement().satisfies(v -> assertRule(v, Rule.CONFIG_KEYS, "Deployment/production-uk", "BWU_REGION"));
    }

    @Test
    void aPodThatPrometheusDoesNotScrape() {
        assertThat(lintAfter(objects -> {
            ((ObjectNode) deployment(objects, "gateway").at("/spec/template/metadata")).remove("annotations");
            ((ObjectNode) deployment(objects, "gateway").at("/spec/template/metadata/labels")).remove("bwu.org/layer");
        })).filteredOn(v -> v.rule() == Rule.PROMETHEUS)
                .singleElement().satisfies(v -> assertRule(v, Rule.PROMETHEUS, "Deployment/gateway", "PodMonitor"));
    }

    @Test
    void aScrapeAnnotationOnTheHttpPort() {
        assertThat(lintAfter(objects -> ((ObjectNode) deployment(objects, "licence-service").at("/spec/template/metadata/annotations"))
                .put("prometheus.io/port", "8080")))
                .singleElement().satisfies(v -> assertRule(v, Rule.PROMETHEUS, "Deployment/licence-service", "prometheus.io/port 8080"));
    }

    @Test
    void aPodMonitorOnTheHttpPort() {
        assertThat(lintAfter(objects -> ((ObjectNode) Manifests.get(objects, "PodMonitor", "bwu-platform")
                .at("/spec/podMetricsEndpoints/0")).put("port", "http")))
                .hasSize(6).allSatisfy(v -> assertThat(v.toString()).startsWith("PROMETHEUS Deployment/")
                        .contains("PodMonitor/bwu-platform scrapes port http, not the management port 9000"));
    }

    @Test
    void prometheusNoLongerAdmittedToTheManagementPort() {
        assertThat(lintAfter(objects -> ((ArrayNode) policy(objects, "order-routing-service").at("/spec/ingress")).remove(1)))
                .singleElement().satisfies(v -> assertRule(v, Rule.PROMETHEUS, "Deployment/order-routing-service",
                        "no NetworkPolicy admits Prometheus (namespace monitoring) to its management port 9000"));
    }

    @Test
    void anImageWithoutATag() {
        assertThat(lintAfter(objects -> container(objects, "gateway").put("image", "bwu/gateway")))
                .singleElement().satisfies(v -> assertRule(v, Rule.IMAGE_TAG, "Deployment/gateway", "no fixed tag"));
    }

    @Test
    void aRealmWithoutPasswordPolicy() {
        assertThat(lintAfter(objects -> realm(objects).remove("passwordPolicy")))
                .singleElement().satisfies(v -> assertRule(v, Rule.REALM_SECURITY, "KeycloakRealmImport/bwu",
                        "no password policy"));
    }

    @Test
    void aWeakPasswordPolicy() {
        assertThat(lintAfter(objects -> realm(objects).put("passwordPolicy", "length(8) and digits(1)")))
                .extracting(Violation::message).containsExactlyInAnyOrder(
                        "the password policy asks for 8 characters, not at least 12",
                        "the password policy has no upperCase", "the password policy has no lowerCase",
                        "the password policy has no notUsername", "the password policy has no passwordHistory");
    }

    @Test
    void keycloaksDefaultBrowserFlowAsksNoSecondFactorOfAdmins() {
        assertThat(lintAfter(objects -> realm(objects).put("browserFlow", "browser")))
                .extracting(Violation::message).containsExactlyInAnyOrder(
                        "holders of network-admin can sign in without a one-time code (browser flow browser)",
                        "holders of technology-officer can sign in without a one-time code (browser flow browser)");
    }

    @Test
    void aDisabledOneTimeCodeForTechnologyOfficers() {
        assertThat(lintAfter(objects -> ((ObjectNode) flow(objects, "bwu browser forms")
                .at("/authenticationExecutions/2")).put("requirement", "DISABLED")))
                .singleElement().satisfies(v -> assertRule(v, Rule.REALM_SECURITY, "KeycloakRealmImport/bwu",
                        "holders of technology-officer can sign in without a one-time code"));
    }

    @Test
    void oneTimeCodeSubFlowsThatExcludeEachOther() {
        // network-admin's sub-flow now skips technology-officers, whose own sub-flow skips network-admins: a holder
        // of both roles would never be asked
        assertThat(lintAfter(objects -> {
            ObjectNode networkAdmin = flow(objects, "bwu one-time code for network-admin");
            ObjectNode condition = ((ArrayNode) networkAdmin.get("authenticationExecutions")).insertObject(1);
            condition.put("authenticator", "conditional-user-role").put("authenticatorConfig", "not technology-officer")
                    .put("authenticatorFlow", false).put("requirement", "REQUIRED").put("priority", 15);
        })).extracting(Violation::message).containsExactlyInAnyOrder(
                "holders of network-admin can sign in without a one-time code (browser flow bwu browser)",
                "holders of technology-officer can sign in without a one-time code (browser flow bwu browser)");
    }

    @Test
    void aClientWithABrowserFlowOfItsOwn() {
        assertThat(lintAfter(objects -> ((ObjectNode) realm(objects).at("/clients/0"))
                .putObject("authenticationFlowBindingOverrides").put("browser", "some-flow-id")))
                .singleElement().satisfies(v -> assertRule(v, Rule.REALM_SECURITY, "KeycloakRealmImport/bwu",
                        "client bwu-console signs in through a browser flow of its own"));
    }

    @Test
    void aClientWithThePasswordGrant() {
        assertThat(lintAfter(objects -> ((ObjectNode) realm(objects).at("/clients/0"))
                .put("directAccessGrantsEnabled", true)))
                .singleElement().satisfies(v -> assertRule(v, Rule.REALM_SECURITY, "KeycloakRealmImport/bwu",
                        "password grant"));
    }

    @Test
    void anIngressPublishingEveryRealm() {
        assertThat(lintAfter(objects -> keycloakPath(objects, 0).put("path", "/realms/")))
                .singleElement().satisfies(v -> assertRule(v, Rule.KEYCLOAK_INGRESS, "Ingress/keycloak",
                        "path /realms/ publishes Keycloak beyond"));
    }

    @Test
    void anIngressPublishingTheMasterRealm() {
        assertThat(lintAfter(objects -> ((ArrayNode) Manifests.get(objects, "Ingress", "keycloak")
                .at("/spec/rules/0/http/paths")).add(keycloakPath(objects, 0).deepCopy().put("path", "/realms/master"))))
                .singleElement().satisfies(v -> assertRule(v, Rule.KEYCLOAK_INGRESS, "Ingress/keycloak",
                        "path /realms/master publishes Keycloak beyond"));
    }

    @Test
    void anIngressPublishingTheAdminConsole() {
        assertThat(lintAfter(objects -> keycloakPath(objects, 1).put("path", "/admin/")))
                .singleElement().satisfies(v -> assertRule(v, Rule.KEYCLOAK_INGRESS, "Ingress/keycloak",
                        "path /admin/ publishes Keycloak beyond"));
    }

    @Test
    void anIngressPublishingAllOfKeycloak() {
        assertThat(lintAfter(objects -> keycloakPath(objects, 0).put("path", "/")))
                .singleElement().satisfies(v -> assertRule(v, Rule.KEYCLOAK_INGRESS, "Ingress/keycloak", "path / "));
        assertThat(lintAfter(objects -> keycloakPath(objects, 0).put("pathType", "ImplementationSpecific")
                .put("path", "/realms/bwu/.*")))
                .singleElement().satisfies(v -> assertRule(v, Rule.KEYCLOAK_INGRESS, "Ingress/keycloak",
                        "ImplementationSpecific"));
    }

    @Test
    void theOperatorsOwnKeycloakIngress() {
        assertThat(lintAfter(objects -> ((ObjectNode) Manifests.get(objects, "Keycloak", "bwu-keycloak")
                .at("/spec/ingress")).put("enabled", true)))
                .singleElement().satisfies(v -> assertRule(v, Rule.KEYCLOAK_INGRESS, "Keycloak/bwu-keycloak",
                        "the operator's own Ingress"));
    }

    private static ObjectNode realm(List<ObjectNode> objects) {
        return (ObjectNode) Manifests.get(objects, "KeycloakRealmImport", "bwu").at("/spec/realm");
    }

    private static ObjectNode flow(List<ObjectNode> objects, String alias) {
        for (var flow : realm(objects).path("authenticationFlows")) {
            if (flow.path("alias").asText().equals(alias)) {
                return (ObjectNode) flow;
            }
        }
        throw new AssertionError("no flow " + alias);
    }

    @Test
    void theWholeApiWithTheUploadLimit() {
        assertThat(lintAfter(objects -> gatewayAnnotations(objects, "gateway").put(NGINX + "proxy-body-size", "201m")))
                .singleElement().satisfies(v -> assertRule(v, Rule.GATEWAY_INGRESS, "Ingress/gateway",
                        "other than the technical data files"));
    }

    @Test
    void aBodyLimitTheControllerAnswersBeforeTheGateway() {
        assertThat(lintAfter(objects -> gatewayAnnotations(objects, "gateway").put(NGINX + "proxy-body-size", "1m")))
                .singleElement().satisfies(v -> assertRule(v, Rule.GATEWAY_INGRESS, "Ingress/gateway",
                        "not above the gateway's own limit of 1048576 bytes"));
        assertThat(lintAfter(objects -> gatewayAnnotations(objects, "gateway-technical-data")
                .put(NGINX + "proxy-body-size", "200m")))
                .singleElement().satisfies(v -> assertRule(v, Rule.GATEWAY_INGRESS, "Ingress/gateway-technical-data",
                        "not above the gateway's own limit of 209715200 bytes"));
        assertThat(lintAfter(objects -> gatewayAnnotations(objects, "gateway").remove(NGINX + "proxy-body-size")))
                .singleElement().satisfies(v -> assertRule(v, Rule.GATEWAY_INGRESS, "Ingress/gateway",
                        "no valid"));
    }

    @Test
    void uploadsBufferedByTheController() {
        assertThat(lintAfter(objects -> gatewayAnnotations(objects, "gateway-technical-data")
                .remove(NGINX + "proxy-request-buffering")))
                .singleElement().satisfies(v -> assertRule(v, Rule.GATEWAY_INGRESS, "Ingress/gateway-technical-data",
                        "proxy-request-buffering"));
    }

    @Test
    void uploadsCutByTheControllersDefaultTimeouts() {
        assertThat(lintAfter(objects -> gatewayAnnotations(objects, "gateway-technical-data")
                .put(NGINX + "proxy-send-timeout", "30")))
                .singleElement().satisfies(v -> assertRule(v, Rule.GATEWAY_INGRESS, "Ingress/gateway-technical-data",
                        "proxy-send-timeout 30 s is shorter than the gateway's stream idle timeout of 60 s"));
    }

    @Test
    void theUploadLimitOnMoreThanTheFilePaths() {
        assertThat(lintAfter(objects -> ((ObjectNode) Manifests.get(objects, "Ingress", "gateway-technical-data")
                .at("/spec/rules/0/http/paths/0")).put("path", "/api/technologies/").put("pathType", "Prefix")))
                .singleElement().satisfies(v -> assertRule(v, Rule.GATEWAY_INGRESS, "Ingress/gateway-technical-data",
                        "other than the technical data files"));
    }

    private static ObjectNode keycloakPath(List<ObjectNode> objects, int index) {
        return (ObjectNode) Manifests.get(objects, "Ingress", "keycloak").at("/spec/rules/0/http/paths/" + index);
    }

    private static List<Violation> lintAfter(Consumer<List<ObjectNode>> breakIt) {
        List<ObjectNode> objects = new ArrayList<>(Manifests.copyOf(OVERLAY));
        breakIt.accept(objects);
        return ManifestLint.check(objects);
    }

    private static void assertRule(Violation violation, Rule rule, String object, String messagePart) {
        assertThat(violation.rule()).isEqualTo(rule);
        assertThat(violation.object()).isEqualTo(object);
        assertThat(violation.message()).contains(messagePart);
    }

    private static ObjectNode gatewayAnnotations(List<ObjectNode> objects, String ingress) {
        return (ObjectNode) Manifests.get(objects, "Ingress", ingress).at("/metadata/annotations");
    }

    private static ObjectNode deployment(List<ObjectNode> objects, String name) {
        return Manifests.get(objects, "Deployment", name);
    }

    private static ObjectNode policy(List<ObjectNode> objects, String name) {
        return Manifests.get(objects, "NetworkPolicy", name);
    }

    private static ObjectNode container(List<ObjectNode> objects, String deployment) {
        return (ObjectNode) deployment(objects, deployment).at("/spec/template/spec/containers/0");
    }

    private static ObjectNode securityContext(List<ObjectNode> objects, String deployment) {
        return (ObjectNode) container(objects, deployment).get("securityContext");
    }

    private static ObjectNode configMap(List<ObjectNode> objects, String generatedName) {
        return Manifests.ofKind(objects, "ConfigMap").filter(c -> Manifests.name(c).startsWith(generatedName + "-"))
                .findFirst().orElseThrow();
    }
}
