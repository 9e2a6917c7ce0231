package org.buildwithukraine.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.buildwithukraine.k8s.NetworkPolicies.Direction;
import org.buildwithukraine.k8s.NetworkPolicies.Peer;

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
        /** every environment variable names a configuration key the application reads */
        CONFIG_KEYS,
        /** every pod is scraped by Prometheus (annotations or a PodMonitor); platform pods on the management port, which Prometheus may reach */
        PROMETHEUS,
        /** images carry an explicit tag or digest (set through kustomize images:) */
        IMAGE_TAG
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

    /** The names of the ports of a platform container: the API, and the Quarkus management interface. */
    private static final String HTTP = "http";
    private static final String MANAGEMENT = "management";
    private static final String GATEWAY = "gateway";

    /** The pods outside the namespace that the policies admit, as the README's "What the cluster must have" says. */
    static final Peer INGRESS_CONTROLLER = Peer.outside("the ingress controller", "ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"));
    static final Peer PROMETHEUS_SERVER = Peer.outside("Prometheus", "monitoring",
            Map.of("app.kubernetes.io/name", "prometheus"));

    private final List<ObjectNode> objects;
    private final NetworkPolicies network;
    private final Function<String, AppConfig> configOfImage;
    private final List<Violation> violations = new ArrayList<>();

    private ManifestLint(List<ObjectNode> objects, Function<String, AppConfig> configOfImage) {
        this.objects = objects;
        this.network = new NetworkPolicies(objects);
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
        platformContainer(template).ifPresent(app -> httpIngress(workload, template, app));
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
        boolean platformImage = platformImage(container);
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
        if (!platformImage(container)) {
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
        if (platformContainer(template).isEmpty()) {
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
        if (!NetworkPolicies.allows(network.selecting(workload, template, Direction.INGRESS), Direction.INGRESS, PROMETHEUS_SERVER, management.get(), template)) {
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
        Optional<Integer> http = Manifests.containerPort(container, HTTP);
        if (http.isEmpty()) {
            add(Rule.HTTP_INGRESS, workload, "container " + container.path("name").asText() + " has no port named " + HTTP);
            return;
        }
        boolean isGateway = application(container).equals(GATEWAY);
        Optional<Peer> allowed = isGateway ? Optional.of(INGRESS_CONTROLLER) : gateway().map(g -> gatewayPeer(g));
        String only = allowed.map(Peer::description).orElse("no pod (no gateway is rendered)");
        List<JsonNode> policies = network.selecting(workload, template, Direction.INGRESS);
        if (policies.isEmpty()) {
            add(Rule.HTTP_INGRESS, workload, "no NetworkPolicy governs its ingress: everyone reaches its HTTP port " + http.get());
        }
        for (JsonNode policy : policies) {
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (!NetworkPolicies.opens(rule.path("ports"), http.get(), template)) {
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
        if (!NetworkPolicies.allows(policies, Direction.INGRESS, allowed.get(), http.get(), template)) {
            add(Rule.HTTP_INGRESS, workload, "no NetworkPolicy admits " + allowed.get().description() + " to its HTTP port " + http.get());
        }
        if (!isGateway) {
            ObjectNode gateway = gateway().orElseThrow();
            JsonNode gatewayTemplate = Manifests.podTemplate(gateway).orElseThrow();
            Peer self = new Peer(Manifests.name(workload), Manifests.namespace(workload), Map.of(), Manifests.labels(template));
            if (!NetworkPolicies.allows(network.selecting(gateway, gatewayTemplate, Direction.EGRESS), Direction.EGRESS, self, http.get(), template)) {
                add(Rule.HTTP_INGRESS, workload, "no NetworkPolicy lets " + allowed.get().description() + " out to its HTTP port " + http.get());
            }
        }
    }

    /** The Deployment (or other workload) of the gateway, the platform's one entry. */
    private Optional<ObjectNode> gateway() {
        return objects.stream().filter(o -> Manifests.podTemplate(o).flatMap(ManifestLint::platformContainer)
                .map(c -> application(c).equals(GATEWAY)).orElse(false)).findFirst();
    }

    private static Peer gatewayPeer(JsonNode gateway) {
        Map<String, String> identity = new TreeMap<>();
        gateway.path("spec").path("selector").path("matchLabels").fields()
                .forEachRemaining(e -> identity.put(e.getKey(), e.getValue().asText()));
        return new Peer("the gateway's pods", Manifests.namespace(gateway), identity,
                Manifests.labels(Manifests.podTemplate(gateway).orElseThrow()));
    }

    private static boolean platformImage(JsonNode container) {
        String image = container.path("image").asText();
        return image.startsWith("bwu/") || image.contains("/bwu/");
    }

    /** The container of a platform application in a pod, if the pod runs one. */
    private static Optional<JsonNode> platformContainer(JsonNode template) {
        return Manifests.stream(template.path("spec").path("containers")).filter(ManifestLint::platformImage).findFirst();
    }

    /** bwu/gateway:0.1.0 and registry.example/bwu/gateway@sha256:... are both the application "gateway". */
    private static String application(JsonNode container) {
        return container.path("image").asText().replaceFirst("^.*/", "").replaceFirst("[:@].*$", "");
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
