package org.buildwithukraine.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.buildwithukraine.k8s.NetworkPolicies.Destination;
import org.buildwithukraine.k8s.NetworkPolicies.Direction;
import org.buildwithukraine.k8s.NetworkPolicies.Peer;
import org.buildwithukraine.k8s.NetworkPolicies.Port;

/**
 * Rules every rendered overlay must keep. Each violation names its rule, so that a test can prove that each rule
 * catches what it is meant to catch.
 */
final class ManifestLint {

    enum Rule {
        /** startup, liveness and readiness probes; platform images probe the Quarkus health endpoints on the management port */
        PROBES,
        /** CPU and memory requests and limits */
        RESOURCES,
        /** restricted pod security: non-root, read-only root, no escalation, no capabilities, RuntimeDefault seccomp */
        SECURITY_CONTEXT,
        /** a read-only root file system needs a writable /tmp from an emptyDir */
        WRITABLE_TMP,
        /** no Kubernetes API token in pods that never call the API */
        SERVICE_ACCOUNT_TOKEN,
        /** every Service selects the pods of some workload, on a port they declare */
        SERVICE_SELECTS_PODS,
        /** the namespace denies by default, and every pod has a policy of its own for ingress and for egress */
        NETWORK_POLICY,
        /**
         * only the gateway's pods reach a platform service's HTTP port, only the ingress controller reaches the
         * gateway's (whatever policy selects the pod: a rule without ports opens every port, one without peers
         * admits everyone, a port counts by name and by number); and they do reach them
         */
        HTTP_INGRESS,
        /**
         * a platform pod reaches the cluster DNS, Kafka's brokers, Keycloak and its own database (the gateway also the
         * services' HTTP ports), on their ports, and nothing else (whatever policy selects it); and it does reach what
         * it talks to
         */
        EGRESS,
        /** every environment variable names a configuration key the application reads */
        CONFIG_KEYS,
        /** every pod is scraped by Prometheus (annotations or a PodMonitor); platform pods on the management port, which Prometheus may reach */
        PROMETHEUS,
        /** images carry an explicit tag or digest (set through kustomize images:) */
        IMAGE_TAG,
        /**
         * an imported realm has a password policy (length, digits, upper and lower case, not the user name, history)
         * and its browser flow asks holders of network-admin and technology-officer for a one-time code; no client
         * signs in around it (own browser flow, password grant)
         */
        REALM_SECURITY,
        /** Keycloak is published only as realm bwu and its static resources: no admin console, no master realm */
        KEYCLOAK_INGRESS,
        /**
         * an Ingress to the gateway lets bodies just above the gateway's own limit through, so that the gateway
         * answers larger ones; the upload limit, unbuffered and with long timeouts, only on the technical data file
         * paths
         */
        GATEWAY_INGRESS
    }

    record Violation(Rule rule, String object, String message) {
        @Override
        public String toString() {
            return rule + " " + object + ": " + message;
        }
    }

    private static final Map<String, String> HEALTH = Map.of(
            "startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready");

    private static final String MANAGEMENT = Platform.MANAGEMENT;

    /** The pods outside the namespace that the policies admit, as the README's "What the cluster must have" says. */
    static final Peer INGRESS_CONTROLLER = Peer.outside("the ingress controller", "ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"));
    static final Peer PROMETHEUS_SERVER = Peer.outside("Prometheus", "monitoring",
            Map.of("app.kubernetes.io/name", "prometheus"));
    /** The pods outside the namespace that every platform pod reaches (named there too). */
    static final Destination CLUSTER_DNS = new Destination(Peer.outside("the cluster DNS", "kube-system",
            Map.of("k8s-app", "kube-dns")), List.of(new Port("UDP", 53), Port.tcp(53)));

    private final List<ObjectNode> objects;
    private final NetworkPolicies network;
    private final Platform platform;
    private final Function<String, AppConfig> configOfImage;
    private final List<Violation> violations = new ArrayList<>();

    private ManifestLint(List<ObjectNode> objects, Function<String, AppConfig> configOfImage) {
        this.objects = objects;
        this.network = new NetworkPolicies(objects);
        this.platform = new Platform(objects);
        this.configOfImage = configOfImage;
    }

    static List<Violation> check(List<ObjectNode> objects) {
        Map<String, AppConfig> cache = new HashMap<>();
        return check(objects, image -> cache.computeIfAbsent(image, AppConfig::ofImage));
    }

    static List<Violation> check(List<ObjectNode> objects, Function<String, AppConfig> configOfImage) {
        ManifestLint lint = new ManifestLint(objects, configOfImage);
        lint.run();
        return lint.violations;
    }

    private void run() {
        for (ObjectNode workload : objects) {
            Manifests.podTemplate(workload).ifPresent(template -> pod(workload, template));
        }
        Manifests.ofKind(objects, "Service").forEach(this::service);
        defaultDeny();
        keycloak();
        GatewayIngressLint gatewayIngress = GatewayIngressLint.ofSources();
        Manifests.ofKind(objects, "Ingress").forEach(ingress -> gatewayIngress.check(ingress,
                message -> add(Rule.GATEWAY_INGRESS, ingress, message)));
    }

    private void keycloak() {
        Manifests.ofKind(objects, "KeycloakRealmImport").forEach(realmImport -> KeycloakLint.realm(
                realmImport.at("/spec/realm"), message -> add(Rule.REALM_SECURITY, realmImport, message)));
        Set<String> keycloakServices = new HashSet<>();
        Manifests.ofKind(objects, "Keycloak").forEach(keycloak -> {
            // the operator names the server's Service after the Keycloak resource
            keycloakServices.add(Manifests.name(keycloak) + "-service");
            if (keycloak.path("spec").path("ingress").path("enabled").asBoolean(true)) {
                add(Rule.KEYCLOAK_INGRESS, keycloak, "the operator's own Ingress is enabled: it publishes all of "
                        + "Keycloak, the admin console and the master realm included");
            }
        });
        Manifests.ofKind(objects, "Ingress").forEach(ingress -> KeycloakLint.ingress(ingress, keycloakServices,
                (path, message) -> add(Rule.KEYCLOAK_INGRESS, ingress, "path " + path + " " + message)));
    }

    private void add(Rule rule, JsonNode object, String message) {
        violations.add(new Violation(rule, Manifests.id(object), message));
    }

    private void pod(ObjectNode workload, ObjectNode template) {
        JsonNode spec = template.path("spec");
        JsonNode podSecurity = spec.path("securityContext");
        if (!spec.path("automountServiceAccountToken").isBoolean()
                || spec.path("automountServiceAccountToken").asBoolean()) {
            add(Rule.SERVICE_ACCOUNT_TOKEN, workload, "automountServiceAccountToken is not false");
        }
        for (String hostFlag : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (spec.path(hostFlag).asBoolean(false)) {
                add(Rule.SECURITY_CONTEXT, workload, hostFlag + " is set");
            }
        }
        networkPolicies(workload, template);
        prometheus(workload, template);
        Platform.platformContainer(template).ifPresent(app -> {
            httpIngress(workload, template, app);
            egress(workload, template, app);
        });
        List<JsonNode> containers = new ArrayList<>();
        spec.path("initContainers").forEach(containers::add);
        spec.path("containers").forEach(containers::add);
        for (JsonNode container : containers) {
            String c = "container " + container.path("name").asText();
            boolean init = spec.path("initContainers").findValues("name").contains(container.path("name"));
            if (!init) {
                probes(workload, template, container, c);
            }
            resources(workload, container, c);
            securityContext(workload, podSecurity, container, c);
            writableTmp(workload, spec, container, c);
            image(workload, container, c);
            configKeys(workload, container, c);
        }
    }

    private void probes(JsonNode workload, JsonNode template, JsonNode container, String c) {
        boolean platformImage = Platform.platformImage(container);
        Optional<Integer> management = Manifests.containerPort(container, MANAGEMENT);
        if (platformImage && management.isEmpty()) {
            add(Rule.PROBES, workload, c + " has no port named " + MANAGEMENT + " for its probes");
        }
        HEALTH.forEach((probe, path) -> {
            JsonNode p = container.path(probe);
            if (p.isMissingNode()) {
                add(Rule.PROBES, workload, c + " has no " + probe);
            } else if (platformImage && !path.equals(p.path("httpGet").path("path").asText())) {
                add(Rule.PROBES, workload, c + " " + probe + " does not GET " + path);
            } else if (platformImage && management.isPresent()
                    && !Manifests.portNumber(p.path("httpGet").path("port"), template).equals(management)) {
                // health on the HTTP port would need the kubelet's way in next to the gateway's
                add(Rule.PROBES, workload, c + " " + probe + " is not on the " + MANAGEMENT + " port " + management.get());
            }
        });
    }

    private void resources(JsonNode workload, JsonNode container, String c) {
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (container.path("resources").path(bound).path(resource).asText("").isBlank()) {
                    add(Rule.RESOURCES, workload, c + " has no " + resource + " " + bound);
                }
            }
        }
    }

    private void securityContext(JsonNode workload, JsonNode pod, JsonNode container, String c) {
        JsonNode sc = container.path("securityContext");
        Function<String, JsonNode> effective = field -> sc.has(field) ? sc.get(field) : pod.path(field);
        if (!effective.apply("runAsNonRoot").asBoolean(false)) {
            add(Rule.SECURITY_CONTEXT, workload, c + " may run as root (runAsNonRoot is not true)");
        }
        if (effective.apply("runAsUser").isNumber() && effective.apply("runAsUser").asLong() == 0) {
            add(Rule.SECURITY_CONTEXT, workload, c + " runs as user 0");
        }
        if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
            add(Rule.SECURITY_CONTEXT, workload, c + " has a writable root file system");
        }
        if (!sc.path("allowPrivilegeEscalation").isBoolean() || sc.path("allowPrivilegeEscalation").asBoolean()) {
            add(Rule.SECURITY_CONTEXT, workload, c + " allows privilege escalation");
        }
        if (sc.path("privileged").asBoolean(false)) {
            add(Rule.SECURITY_CONTEXT, workload, c + " is privileged");
        }
        boolean dropsAll = false;
        for (JsonNode dropped : sc.path("capabilities").path("drop")) {
            dropsAll |= dropped.asText().equals("ALL");
        }
        if (!dropsAll) {
            add(Rule.SECURITY_CONTEXT, workload, c + " does not drop ALL capabilities");
        }
        if (!sc.path("capabilities").path("add").isEmpty()) {
            add(Rule.SECURITY_CONTEXT, workload, c + " adds capabilities " + sc.path("capabilities").path("add"));
        }
        if (!"RuntimeDefault".equals(effective.apply("seccompProfile").path("type").asText())) {
            add(Rule.SECURITY_CONTEXT, workload, c + " has no RuntimeDefault seccomp profile");
        }
    }

    private void writableTmp(JsonNode workload, JsonNode spec, JsonNode container, String c) {
        if (!container.path("securityContext").path("readOnlyRootFilesystem").asBoolean(false)) {
            return;
        }
        String volume = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                volume = mount.path("name").asText();
            }
        }
        boolean emptyDir = false;
        for (JsonNode v : spec.path("volumes")) {
            emptyDir |= v.path("name").asText().equals(volume) && v.has("emptyDir");
        }
        if (!emptyDir) {
            add(Rule.WRITABLE_TMP, workload, c + " has a read-only root but no emptyDir at /tmp");
        }
    }

    private void image(JsonNode workload, JsonNode container, String c) {
        String image = container.path("image").asText();
        String last = image.substring(image.lastIndexOf('/') + 1);
        if (!image.contains("@") && (!last.contains(":") || last.endsWith(":latest"))) {
            add(Rule.IMAGE_TAG, workload, c + " image '" + image + "' has no fixed tag");
        }
    }

    private void configKeys(JsonNode workload, JsonNode container, String c) {
        if (!Platform.platformImage(container)) {
            return;
        }
        String image = container.path("image").asText();
        AppConfig config = configOfImage.apply(image);
        List<String> variables = new ArrayList<>();
        container.path("env").forEach(e -> variables.add(e.path("name").asText()));
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                String name = source.path("configMapRef").path("name").asText();
                Manifests.find(objects, "ConfigMap", name).ifPresentOrElse(
                        map -> map.path("data").fieldNames().forEachRemaining(variables::add),
                        () -> add(Rule.CONFIG_KEYS, workload, c + " reads ConfigMap " + name + ", which is not rendered"));
            } else {
                add(Rule.CONFIG_KEYS, workload, c + " takes variables from " + source
                        + ": their names cannot be checked; use env with secretKeyRef");
            }
        }
        for (String variable : variables) {
            if (!config.reads(variable)) {
                add(Rule.CONFIG_KEYS, workload, c + " sets " + variable + ", a key " + config.module() + " does not read");
            }
        }
    }

    private void prometheus(JsonNode workload, JsonNode template) {
        JsonNode annotations = template.path("metadata").path("annotations");
        boolean annotated = annotations.path("prometheus.io/scrape").asText().equals("true")
                && annotations.has("prometheus.io/port") && annotations.has("prometheus.io/path");
        boolean monitored = Manifests.ofKind(objects, "PodMonitor")
                .anyMatch(m -> Manifests.selects(m.path("spec").path("selector"), template));
        if (!annotated && !monitored) {
            add(Rule.PROMETHEUS, workload, "no prometheus.io annotations and no PodMonitor selects its pods");
            return;
        }
        if (Platform.platformContainer(template).isEmpty()) {
            return;
        }
        Optional<Integer> management = Manifests.namedPort(template, MANAGEMENT);
        if (management.isEmpty()) {
            add(Rule.PROMETHEUS, workload, "its pods have no port named " + MANAGEMENT + " to scrape");
            return;
        }
        if (annotated && !annotations.path("prometheus.io/port").asText().equals(String.valueOf(management.get()))) {
            add(Rule.PROMETHEUS, workload, "prometheus.io/port " + annotations.path("prometheus.io/port").asText()
                    + " is not the " + MANAGEMENT + " port " + management.get());
        }
        Manifests.ofKind(objects, "PodMonitor").filter(m -> Manifests.selects(m.path("spec").path("selector"), template))
                .forEach(monitor -> monitor.path("spec").path("podMetricsEndpoints").forEach(endpoint -> {
                    if (!Manifests.portNumber(endpoint.path("port"), template).equals(management)) {
                        add(Rule.PROMETHEUS, workload, Manifests.id(monitor) + " scrapes port " + endpoint.path("port").asText()
                                + ", not the " + MANAGEMENT + " port " + management.get());
                    }
                }));
        if (!NetworkPolicies.allows(network.selecting(workload, template, Direction.INGRESS), Direction.INGRESS, PROMETHEUS_SERVER, Port.tcp(management.get()), template)) {
            add(Rule.PROMETHEUS, workload, "no NetworkPolicy admits " + PROMETHEUS_SERVER.description() + " (namespace "
                    + PROMETHEUS_SERVER.namespace() + ") to its " + MANAGEMENT + " port " + management.get());
        }
    }

    /**
     * Who may reach the HTTP port of a platform pod. Exclusion is checked on the selectors as written (a peer must
     * require the allowed pods' identity, in their namespace), since the policies must hold for any pod a cluster
     * may run; reach is checked against the allowed pods' labels.
     */
    private void httpIngress(JsonNode workload, JsonNode template, JsonNode container) {
        Optional<Integer> http = Manifests.containerPort(container, Platform.HTTP);
        if (http.isEmpty()) {
            add(Rule.HTTP_INGRESS, workload, "container " + container.path("name").asText() + " has no port named " + Platform.HTTP);
            return;
        }
        boolean isGateway = Platform.application(container).equals(Platform.GATEWAY);
        Optional<Peer> allowed = isGateway ? Optional.of(INGRESS_CONTROLLER) : platform.gateway().map(Platform::gatewayPods);
        String only = allowed.map(Peer::description).orElse("no pod (no gateway is rendered)");
        List<JsonNode> policies = network.selecting(workload, template, Direction.INGRESS);
        if (policies.isEmpty()) {
            add(Rule.HTTP_INGRESS, workload, "no NetworkPolicy governs its ingress: everyone reaches its HTTP port " + http.get());
        }
        for (JsonNode policy : policies) {
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (!NetworkPolicies.opens(rule.path("ports"), Port.tcp(http.get()), template)) {
                    continue;
                }
                if (rule.path("from").isEmpty()) {
                    add(Rule.HTTP_INGRESS, workload, Manifests.id(policy) + " admits everyone (a rule without from) to its HTTP port "
                            + http.get() + "; only " + only + " may reach it");
                }
                for (JsonNode peer : rule.path("from")) {
                    if (allowed.isEmpty() || !NetworkPolicies.only(peer, Manifests.namespace(policy), allowed.get())) {
                        add(Rule.HTTP_INGRESS, workload, Manifests.id(policy) + " admits " + Manifests.toJson(peer)
                                + " to its HTTP port " + http.get() + "; only " + only + " may reach it");
                    }
                }
            }
        }
        if (allowed.isEmpty()) {
            return;
        }
        if (!NetworkPolicies.allows(policies, Direction.INGRESS, allowed.get(), Port.tcp(http.get()), template)) {
            add(Rule.HTTP_INGRESS, workload, "no NetworkPolicy admits " + allowed.get().description() + " to its HTTP port " + http.get());
        }
        if (!isGateway) {
            ObjectNode gateway = platform.gateway().orElseThrow();
            JsonNode gatewayTemplate = Manifests.podTemplate(gateway).orElseThrow();
            Peer self = new Peer(Manifests.name(workload), Manifests.namespace(workload), Map.of(), Manifests.labels(template));
            List<JsonNode> gatewayEgress = network.selecting(gateway, gatewayTemplate, Direction.EGRESS);
            if (!NetworkPolicies.allows(gatewayEgress, Direction.EGRESS, self, Port.tcp(http.get()), template)) {
                add(Rule.HTTP_INGRESS, workload, "no NetworkPolicy lets " + allowed.get().description() + " out to its HTTP port " + http.get());
            }
            // the operator's platform status: the gateway asks each service's readiness and outbox backlog there
            Optional<Integer> management = Manifests.containerPort(container, MANAGEMENT);
            if (management.isPresent()) {
                if (!NetworkPolicies.allows(policies, Direction.INGRESS, allowed.get(), Port.tcp(management.get()), template)) {
                    add(Rule.HTTP_INGRESS, workload, "no NetworkPolicy admits " + allowed.get().description() + " to its "
                            + MANAGEMENT + " port " + management.get() + " (the platform status)");
                }
                if (!NetworkPolicies.allows(gatewayEgress, Direction.EGRESS, self, Port.tcp(management.get()), template)) {
                    add(Rule.HTTP_INGRESS, workload, "no NetworkPolicy lets " + allowed.get().description() + " out to its "
                            + MANAGEMENT + " port " + management.get() + " (the platform status)");
                }
            }
        }
    }

    /**
     * Where a platform pod may send traffic. Every egress rule of every policy that selects it counts: each of the
     * rule's peers must be exactly one of the allowed sets of pods (judged on the selectors as written, as for
     * HTTP_INGRESS) and each of its ports one of that set's; a rule without peers or ports lets it out to
     * anything. It must also reach what it talks to: DNS, its database (label bwu.org/database), Kafka when it has
     * Kafka channels, Keycloak when it reads the OIDC server's address.
     */
    private void egress(JsonNode workload, JsonNode template, JsonNode container) {
        List<JsonNode> policies = network.selecting(workload, template, Direction.EGRESS);
        if (policies.isEmpty()) {
            add(Rule.EGRESS, workload, "no NetworkPolicy governs its egress: it reaches everything");
            return;
        }
        String database = Manifests.labels(template).get(Platform.DATABASE);
        Optional<Destination> ownDatabase = Optional.ofNullable(database).flatMap(db -> platform.database(Manifests.namespace(workload), db));
        if (database != null && ownDatabase.isEmpty()) {
            add(Rule.EGRESS, workload, "its database " + database + " (" + Platform.DATABASE + ") is in no rendered CloudNativePG Cluster");
        }
        List<Destination> allowed = new ArrayList<>(List.of(CLUSTER_DNS));
        platform.kafkaBrokers().ifPresent(allowed::add);
        platform.keycloak().ifPresent(allowed::add);
        ownDatabase.ifPresent(allowed::add);
        if (Platform.application(container).equals(Platform.GATEWAY)) {
            allowed.addAll(platform.services());
        }
        String may = "it may reach only " + allowed.stream().map(d -> d.pods().description()).collect(Collectors.joining(", "));
        for (JsonNode policy : policies) {
            for (JsonNode rule : policy.path("spec").path("egress")) {
                String lets = Manifests.id(policy) + " lets it out to ";
                if (rule.path("to").isEmpty()) {
                    add(Rule.EGRESS, workload, lets + "anywhere (a rule without to); " + may);
                }
                for (JsonNode peer : rule.path("to")) {
                    List<Destination> exactly = allowed.stream()
                            .filter(d -> NetworkPolicies.only(peer, Manifests.namespace(policy), d.pods())).toList();
                    if (exactly.isEmpty()) {
                        add(Rule.EGRESS, workload, lets + (peer.has("ipBlock") ? "an address range " : "")
                                + Manifests.toJson(peer) + "; " + may);
                        continue;
                    }
                    Destination to = exactly.get(0);
                    if (rule.path("ports").isEmpty()) {
                        add(Rule.EGRESS, workload, lets + to.pods().description() + " on every port (a rule without ports); only " + portsOf(to));
                    }
                    for (JsonNode port : rule.path("ports")) {
                        if (exactly.stream().noneMatch(d -> d.opensNoMoreThanTheirs(port))) {
                            add(Rule.EGRESS, workload, lets + to.pods().description() + " on " + NetworkPolicies.describe(port)
                                    + "; only " + portsOf(to));
                        }
                    }
                }
            }
        }
        AppConfig config = configOfImage.apply(container.path("image").asText());
        reaches(workload, policies, "the cluster DNS", Optional.of(CLUSTER_DNS));
        if (ownDatabase.isPresent()) {
            reaches(workload, policies, "its database", ownDatabase);
        }
        if (config.talksToKafka()) {
            reaches(workload, policies, "Kafka", platform.kafkaBrokers());
        }
        if (config.talksToKeycloak()) {
            reaches(workload, policies, "Keycloak", platform.keycloak());
        }
    }

    private void reaches(JsonNode workload, List<JsonNode> policies, String what, Optional<Destination> destination) {
        if (destination.isEmpty()) {
            add(Rule.EGRESS, workload, "it talks to " + what + ", but none is rendered");
            return;
        }
        for (Port port : destination.get().ports()) {
            if (!NetworkPolicies.allows(policies, Direction.EGRESS, destination.get().pods(), port, destination.get().portOwner())) {
                add(Rule.EGRESS, workload, "no NetworkPolicy lets it out to " + destination.get().pods().description() + " on " + port);
            }
        }
    }

    private static String portsOf(Destination destination) {
        return destination.ports().stream().map(Port::toString).collect(Collectors.joining(", "));
    }

    private void service(ObjectNode service) {
        JsonNode selector = service.path("spec").path("selector");
        if (selector.isEmpty()) {
            add(Rule.SERVICE_SELECTS_PODS, service, "has no selector");
            return;
        }
        List<JsonNode> selected = objects.stream()
                .filter(o -> Manifests.namespace(o).equals(Manifests.namespace(service)))
                .map(Manifests::podTemplate).flatMap(Optional::stream)
                .filter(t -> Manifests.matchLabels(selector, t.path("metadata").path("labels")))
                .map(JsonNode.class::cast).toList();
        if (selected.isEmpty()) {
            add(Rule.SERVICE_SELECTS_PODS, service, "selector " + selector + " selects no pod");
            return;
        }
        for (JsonNode port : service.path("spec").path("ports")) {
            JsonNode target = port.path("targetPort");
            if (target.isTextual() && selected.stream().noneMatch(t -> t.path("spec").path("containers")
                    .findValues("ports").stream().flatMap(Manifests::stream)
                    .anyMatch(p -> p.path("name").asText().equals(target.asText())))) {
                add(Rule.SERVICE_SELECTS_PODS, service, "targetPort " + target.asText() + " is no port of the selected pods");
            }
        }
    }

    private void defaultDeny() {
        objects.stream().filter(o -> Manifests.podTemplate(o).isPresent()).map(Manifests::namespace).distinct()
                .forEach(namespace -> {
                    if (!network.deniesByDefault(namespace)) {
                        violations.add(new Violation(Rule.NETWORK_POLICY, "Namespace/" + namespace,
                                "no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)"));
                    }
                });
    }

    private void networkPolicies(JsonNode workload, JsonNode template) {
        for (Direction direction : Direction.values()) {
            boolean own = network.selecting(workload, template, direction).stream()
                    .anyMatch(p -> !p.path("spec").path("podSelector").isEmpty());
            if (!own) {
                add(Rule.NETWORK_POLICY, workload, "no NetworkPolicy of its own governs its " + direction.rules + " traffic");
            }
        }
    }
}
