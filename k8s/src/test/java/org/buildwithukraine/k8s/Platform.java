package org.buildwithukraine.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.buildwithukraine.k8s.NetworkPolicies.Destination;
import org.buildwithukraine.k8s.NetworkPolicies.Peer;
import org.buildwithukraine.k8s.NetworkPolicies.Port;

/**
 * The platform as its NetworkPolicies must see it, read from the rendered objects: which pods run a platform
 * application, and the pods these talk to (the gateway, the services, Kafka's brokers, Keycloak, each
 * application's database) as peers with their ports. Operators create the pods of Kafka, Keycloak and PostgreSQL;
 * their labels are the operators' conventions, named here.
 */
final class Platform {

    static final String GATEWAY = "gateway";
    /** The name of the API port of a platform container. */
    static final String HTTP = "http";
    /** The name of the port of the Quarkus management interface in a platform container (health, metrics). */
    static final String MANAGEMENT = "management";
    /** The label by which a platform pod names its database; the database's own policy admits pods by it. */
    static final String DATABASE = "bwu.org/database";

    /** CloudNativePG labels the pods of a Cluster with its name and serves PostgreSQL on 5432. */
    private static final String CNPG_CLUSTER = "cnpg.io/cluster";
    private static final Port POSTGRESQL = Port.tcp(5432);
    /** Strimzi labels every pod of a Kafka cluster with the cluster's name, and its brokers (not controllers) with the role. */
    private static final String STRIMZI_CLUSTER = "strimzi.io/cluster";
    private static final String STRIMZI_BROKER = "strimzi.io/broker-role";
    /** The Keycloak operator labels every Keycloak server pod so, and with the Keycloak's name as instance. */
    private static final Map<String, String> KEYCLOAK_SERVER = Map.of("app", "keycloak");

    private final List<ObjectNode> objects;

    Platform(List<ObjectNode> objects) {
        this.objects = objects;
    }

    static boolean platformImage(JsonNode container) {
        String image = container.path("image").asText();
        return image.startsWith("bwu/") || image.contains("/bwu/");
    }

    /** The container of a platform application in a pod, if the pod runs one. */
    static Optional<JsonNode> platformContainer(JsonNode template) {
        return Manifests.stream(template.path("spec").path("containers")).filter(Platform::platformImage).findFirst();
    }

    /** bwu/gateway:0.1.0 and registry.example/bwu/gateway@sha256:... are both the application "gateway". */
    static String application(JsonNode container) {
        return container.path("image").asText().replaceFirst("^.*/", "").replaceFirst("[:@].*$", "");
    }

    /** The Deployment (or other workload) of the gateway, the platform's one entry. */
    Optional<ObjectNode> gateway() {
        return objects.stream().filter(o -> Manifests.podTemplate(o).flatMap(Platform::platformContainer)
                .map(c -> application(c).equals(GATEWAY)).orElse(false)).findFirst();
    }

    static Peer gatewayPods(JsonNode gateway) {
        return new Peer("the gateway's pods", Manifests.namespace(gateway), selectorLabels(gateway),
                Manifests.labels(Manifests.podTemplate(gateway).orElseThrow()));
    }

    /**
     * Where the gateway sends requests: the pods of each platform application but the gateway on their HTTP port,
     * and on their management port for the operator's platform status (readiness, outbox backlog). An application deployed more than once (production-line-service per region) is one set of pods: those that
     * carry the labels all its workloads select on.
     */
    List<Destination> services() {
        Map<String, List<ObjectNode>> workloads = new LinkedHashMap<>();
        for (ObjectNode o : objects) {
            Manifests.podTemplate(o).flatMap(Platform::platformContainer).map(Platform::application)
                    .filter(application -> !application.equals(GATEWAY))
                    .ifPresent(application -> workloads.computeIfAbsent(Manifests.namespace(o) + "/" + application,
                            k -> new ArrayList<>()).add(o));
        }
        List<Destination> services = new ArrayList<>();
        workloads.forEach((key, deployed) -> {
            Map<String, String> identity = selectorLabels(deployed.get(0));
            deployed.forEach(w -> identity.entrySet().retainAll(selectorLabels(w).entrySet()));
            JsonNode template = Manifests.podTemplate(deployed.get(0)).orElseThrow();
            List<Port> http = platformContainer(template).stream()
                    .flatMap(c -> Stream.of(HTTP, MANAGEMENT).flatMap(name -> Manifests.containerPort(c, name).stream()))
                    .map(Port::tcp).toList();
            services.add(new Destination(new Peer("the " + key.substring(key.indexOf('/') + 1) + " pods",
                    Manifests.namespace(deployed.get(0)), identity, Manifests.labels(template)), http, template));
        });
        return services;
    }

    /** The brokers of the (first) rendered Kafka cluster, on the ports of its TLS listeners, the ones its clients use. */
    Optional<Destination> kafkaBrokers() {
        return Manifests.ofKind(objects, "Kafka").filter(k -> k.path("apiVersion").asText().startsWith("kafka.strimzi.io/"))
                .findFirst().map(kafka -> {
                    Map<String, String> identity = new TreeMap<>(Map.of(STRIMZI_CLUSTER, Manifests.name(kafka), STRIMZI_BROKER, "true"));
                    List<Port> tls = Manifests.stream(kafka.path("spec").path("kafka").path("listeners"))
                            .filter(l -> l.path("tls").asBoolean(false)).map(l -> Port.tcp(l.path("port").asInt())).toList();
                    return new Destination(new Peer("the Kafka brokers of " + Manifests.name(kafka), Manifests.namespace(kafka),
                            identity, identity), tls);
                });
    }

    /** The server pods of the (first) rendered Keycloak, on its HTTP port. */
    Optional<Destination> keycloak() {
        return Manifests.ofKind(objects, "Keycloak").filter(k -> k.path("apiVersion").asText().startsWith("k8s.keycloak.org/"))
                .findFirst().map(keycloak -> {
                    Map<String, String> labels = new TreeMap<>(KEYCLOAK_SERVER);
                    labels.put("app.kubernetes.io/instance", Manifests.name(keycloak));
                    keycloak.path("spec").path("unsupported").path("podTemplate").path("metadata").path("labels").fields()
                            .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                    return new Destination(new Peer("Keycloak " + Manifests.name(keycloak), Manifests.namespace(keycloak),
                            KEYCLOAK_SERVER, labels), List.of(Port.tcp(keycloak.path("spec").path("http").path("httpPort").asInt(8080))));
                });
    }

    /** The instances of the CloudNativePG Cluster of the namespace that holds this database, on PostgreSQL's port. */
    Optional<Destination> database(String namespace, String database) {
        return Manifests.ofKind(objects, "Cluster").filter(c -> c.path("apiVersion").asText().startsWith("postgresql.cnpg.io/"))
                .filter(c -> Manifests.namespace(c).equals(namespace))
                .filter(c -> database.equals(c.path("spec").path("bootstrap").path("initdb").path("database").asText(null)))
                .findFirst().map(cluster -> {
                    Map<String, String> identity = Map.of(CNPG_CLUSTER, Manifests.name(cluster));
                    return new Destination(new Peer("its database " + Manifests.name(cluster), namespace, identity, identity),
                            List.of(POSTGRESQL));
                });
    }

    private static Map<String, String> selectorLabels(JsonNode workload) {
        Map<String, String> labels = new TreeMap<>();
        workload.path("spec").path("selector").path("matchLabels").fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
