package org.buildwithukraine.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
    /** The label Kubernetes sets on every namespace: the one selector that pins a namespace. */
    private static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    /**
     * A pod as a NetworkPolicy sees it. {@code identity}: the labels a peer selector must require to admit
     * these pods and no others; {@code labels}: those the pods carry.
     */
    record Peer(String description, String namespace, Map<String, String> identity, Map<String, String> labels) {
        static Peer outside(String description, String namespace, Map<String, String> labels) {
            return new Peer(description, namespace, labels, labels);
        }
    }

    /** The pods outside the namespace that the policies admit, as the README's "What the cluster must have" says. */
    static final Peer INGRESS_CONTROLLER = Peer.outside("the ingress controller", "ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"));
    static final Peer PROMETHEUS_SERVER = Peer.outside("Prometheus", "monitoring",
            Map.of("app.kubernetes.io/name", "prometheus"));

    private final List<ObjectNode> objects;
    private final Function<String, AppConfig> configOfImage;
    private final List<Violation> violations = new ArrayList<>();

    private ManifestLint(List<ObjectNode> objects, Function<String, AppConfig> configOfImage) {
        this.objects = objects;
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
        Optional<Integer> management = port(container, MANAGEMENT);
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
                    && !portNumber(p.path("httpGet").path("port"), template).equals(management)) {
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
                .anyMatch(m -> selects(m.path("spec").path("selector"), template));
        if (!annotated && !monitored) {
            add(Rule.PROMETHEUS, workload, "no prometheus.io annotations and no PodMonitor selects its pods");
            return;
        }
        if (platformContainer(template).isEmpty()) {
            return;
        }
        Optional<Integer> management = namedPort(template, MANAGEMENT);
        if (management.isEmpty()) {
            add(Rule.PROMETHEUS, workload, "its pods have no port named " + MANAGEMENT + " to scrape");
            return;
        }
        if (annotated && !annotations.path("prometheus.io/port").asText().equals(String.valueOf(management.get()))) {
            add(Rule.PROMETHEUS, workload, "prometheus.io/port " + annotations.path("prometheus.io/port").asText()
                    + " is not the " + MANAGEMENT + " port " + management.get());
        }
        Manifests.ofKind(objects, "PodMonitor").filter(m -> selects(m.path("spec").path("selector"), template))
                .forEach(monitor -> monitor.path("spec").path("podMetricsEndpoints").forEach(endpoint -> {
                    if (!portNumber(endpoint.path("port"), template).equals(management)) {
                        add(Rule.PROMETHEUS, workload, Manifests.id(monitor) + " scrapes port " + endpoint.path("port").asText()
                                + ", not the " + MANAGEMENT + " port " + management.get());
                    }
                }));
        if (!allows(policies(workload, template, "Ingress"), "ingress", PROMETHEUS_SERVER, management.get(), template)) {
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
        Optional<Integer> http = port(container, HTTP);
        if (http.isEmpty()) {
            add(Rule.HTTP_INGRESS, workload, "container " + container.path("name").asText() + " has no port named " + HTTP);
            return;
        }
        boolean isGateway = application(container).equals(GATEWAY);
        Optional<Peer> allowed = isGateway ? Optional.of(INGRESS_CONTROLLER) : gateway().map(g -> gatewayPeer(g));
        String only = allowed.map(Peer::description).orElse("no pod (no gateway is rendered)");
        List<JsonNode> policies = policies(workload, template, "Ingress");
        if (policies.isEmpty()) {
            add(Rule.HTTP_INGRESS, workload, "no NetworkPolicy governs its ingress: everyone reaches its HTTP port " + http.get());
        }
        for (JsonNode policy : policies) {
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (!opens(rule.path("ports"), http.get(), template)) {
                    continue;
                }
                if (rule.path("from").isEmpty()) {
                    add(Rule.HTTP_INGRESS, workload, Manifests.id(policy) + " admits everyone (a rule without from) to its HTTP port "
                            + http.get() + "; only " + only + " may reach it");
                }
                for (JsonNode peer : rule.path("from")) {
                    if (allowed.isEmpty() || !only(peer, Manifests.namespace(policy), allowed.get())) {
                        add(Rule.HTTP_INGRESS, workload, Manifests.id(policy) + " admits " + Manifests.toJson(peer)
                                + " to its HTTP port " + http.get() + "; only " + only + " may reach it");
                    }
                }
            }
        }
        if (allowed.isEmpty()) {
            return;
        }
        if (!allows(policies, "ingress", allowed.get(), http.get(), template)) {
            add(Rule.HTTP_INGRESS, workload, "no NetworkPolicy admits " + allowed.get().description() + " to its HTTP port " + http.get());
        }
        if (!isGateway) {
            ObjectNode gateway = gateway().orElseThrow();
            JsonNode gatewayTemplate = Manifests.podTemplate(gateway).orElseThrow();
            Peer self = new Peer(Manifests.name(workload), Manifests.namespace(workload), Map.of(), labels(template));
            if (!allows(policies(gateway, gatewayTemplate, "Egress"), "egress", self, http.get(), template)) {
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
        Map<String, String> identity = new java.util.TreeMap<>();
        gateway.path("spec").path("selector").path("matchLabels").fields()
                .forEachRemaining(e -> identity.put(e.getKey(), e.getValue().asText()));
        return new Peer("the gateway's pods", Manifests.namespace(gateway), identity,
                labels(Manifests.podTemplate(gateway).orElseThrow()));
    }

    /** The NetworkPolicies of the pod's namespace that govern its traffic of one type (ingress or egress). */
    private List<JsonNode> policies(JsonNode workload, JsonNode template, String type) {
        return Manifests.ofKind(objects, "NetworkPolicy")
                .filter(p -> Manifests.namespace(p).equals(Manifests.namespace(workload)))
                .filter(p -> types(p).contains(type))
                .filter(p -> selects(p.path("spec").path("podSelector"), template))
                .map(JsonNode.class::cast).toList();
    }

    /**
     * Whether policies of one direction let a peer through to (or, for egress, towards) a port of the pods of
     * {@code portOwner}, which resolves named ports. Policies are additive; none at all means no restriction.
     */
    private static boolean allows(List<JsonNode> policies, String direction, Peer peer, int port, JsonNode portOwner) {
        String peers = direction.equals("ingress") ? "from" : "to";
        return policies.isEmpty() || policies.stream().anyMatch(p -> stream(p.path("spec").path(direction))
                .anyMatch(rule -> opens(rule.path("ports"), port, portOwner)
                        && admits(rule.path(peers), Manifests.namespace(p), peer)));
    }

    /** Whether a rule's ports include a port: no ports is every port; by number, range or the name in the pod. */
    private static boolean opens(JsonNode ports, int port, JsonNode template) {
        if (ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!p.path("protocol").asText("TCP").equals("TCP")) {
                continue;
            }
            if (p.path("port").isMissingNode() || p.path("port").isNull()) {
                return true;
            }
            Optional<Integer> first = portNumber(p.path("port"), template);
            int last = p.has("endPort") ? p.path("endPort").asInt() : first.orElse(-1);
            if (first.isPresent() && first.get() <= port && port <= last) {
                return true;
            }
        }
        return false;
    }

    /** Whether a rule's peers admit the given pods (no peers: everyone; an ipBlock is taken as no pod's). */
    private static boolean admits(JsonNode peers, String policyNamespace, Peer pods) {
        if (peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (peer.has("ipBlock")) {
                continue;
            }
            boolean namespace = peer.has("namespaceSelector")
                    ? selects(peer.path("namespaceSelector"), withLabels(Map.of(NAMESPACE_NAME, pods.namespace())))
                    : pods.namespace().equals(policyNamespace);
            if (namespace && (!peer.has("podSelector") || selects(peer.path("podSelector"), withLabels(pods.labels())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a peer of a policy admits only the allowed pods: no ipBlock, the allowed pods' namespace pinned by
     * name (or left out, when it is the policy's own), and a pod selector that requires their identity.
     */
    private static boolean only(JsonNode peer, String policyNamespace, Peer allowed) {
        if (peer.has("ipBlock") || !peer.has("podSelector")) {
            return false;
        }
        boolean namespacePinned = peer.has("namespaceSelector")
                ? allowed.namespace().equals(peer.path("namespaceSelector").path("matchLabels").path(NAMESPACE_NAME).asText(null))
                : allowed.namespace().equals(policyNamespace);
        JsonNode required = peer.path("podSelector").path("matchLabels");
        return namespacePinned && !allowed.identity().isEmpty() && allowed.identity().entrySet().stream()
                .allMatch(e -> e.getValue().equals(required.path(e.getKey()).asText(null)));
    }

    private static boolean platformImage(JsonNode container) {
        String image = container.path("image").asText();
        return image.startsWith("bwu/") || image.contains("/bwu/");
    }

    /** The container of a platform application in a pod, if the pod runs one. */
    private static Optional<JsonNode> platformContainer(JsonNode template) {
        return stream(template.path("spec").path("containers")).filter(ManifestLint::platformImage).findFirst();
    }

    /** bwu/gateway:0.1.0 and registry.example/bwu/gateway@sha256:... are both the application "gateway". */
    private static String application(JsonNode container) {
        return container.path("image").asText().replaceFirst("^.*/", "").replaceFirst("[:@].*$", "");
    }

    private static Optional<Integer> port(JsonNode container, String name) {
        return stream(container.path("ports")).filter(p -> p.path("name").asText().equals(name))
                .map(p -> p.path("containerPort").asInt()).findFirst();
    }

    private static Optional<Integer> namedPort(JsonNode template, String name) {
        return stream(template.path("spec").path("containers")).map(c -> port(c, name))
                .flatMap(Optional::stream).findFirst();
    }

    /** A port as a probe, policy or monitor names it: a number, or the name of a container port of the pod. */
    private static Optional<Integer> portNumber(JsonNode port, JsonNode template) {
        if (port.isInt()) {
            return Optional.of(port.asInt());
        }
        String text = port.asText("");
        return text.matches("\\d+") ? Optional.of(Integer.valueOf(text)) : namedPort(template, text);
    }

    private static Map<String, String> labels(JsonNode template) {
        return Manifests.labels(template);
    }

    private static JsonNode withLabels(Map<String, String> labels) {
        ObjectNode pod = Manifests.JSON.createObjectNode();
        labels.forEach(pod.putObject("metadata").putObject("labels")::put);
        return pod;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private void service(ObjectNode service) {
        JsonNode selector = service.path("spec").path("selector");
        if (selector.isEmpty()) {
            add(Rule.SERVICE_SELECTS_PODS, service, "has no selector");
            return;
        }
        List<JsonNode> selected = objects.stream()
                .filter(o -> Manifests.namespace(o).equals(Manifests.namespace(service)))
                .map(Manifests::podTemplate).flatMap(java.util.Optional::stream)
                .filter(t -> matchLabels(selector, t.path("metadata").path("labels")))
                .map(JsonNode.class::cast).toList();
        if (selected.isEmpty()) {
            add(Rule.SERVICE_SELECTS_PODS, service, "selector " + selector + " selects no pod");
            return;
        }
        for (JsonNode port : service.path("spec").path("ports")) {
            JsonNode target = port.path("targetPort");
            if (target.isTextual() && selected.stream().noneMatch(t -> t.path("spec").path("containers")
                    .findValues("ports").stream().flatMap(ps -> java.util.stream.StreamSupport.stream(ps.spliterator(), false))
                    .anyMatch(p -> p.path("name").asText().equals(target.asText())))) {
                add(Rule.SERVICE_SELECTS_PODS, service, "targetPort " + target.asText() + " is no port of the selected pods");
            }
        }
    }

    private void defaultDeny() {
        objects.stream().filter(o -> Manifests.podTemplate(o).isPresent()).map(Manifests::namespace).distinct()
                .forEach(namespace -> {
                    boolean denies = Manifests.ofKind(objects, "NetworkPolicy")
                            .filter(p -> Manifests.namespace(p).equals(namespace))
                            .anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                                    && types(p).containsAll(List.of("Ingress", "Egress"))
                                    && p.path("spec").path("ingress").isEmpty() && p.path("spec").path("egress").isEmpty());
                    if (!denies) {
                        violations.add(new Violation(Rule.NETWORK_POLICY, "Namespace/" + namespace,
                                "no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)"));
                    }
                });
    }

    private void networkPolicies(JsonNode workload, JsonNode template) {
        for (String type : List.of("Ingress", "Egress")) {
            boolean own = policies(workload, template, type).stream()
                    .anyMatch(p -> !p.path("spec").path("podSelector").isEmpty());
            if (!own) {
                add(Rule.NETWORK_POLICY, workload, "no NetworkPolicy of its own governs its " + type.toLowerCase() + " traffic");
            }
        }
    }

    private static List<String> types(JsonNode policy) {
        List<String> types = new ArrayList<>();
        policy.path("spec").path("policyTypes").forEach(t -> types.add(t.asText()));
        if (types.isEmpty()) {
            types.add("Ingress");
            if (policy.path("spec").has("egress")) {
                types.add("Egress");
            }
        }
        return types;
    }

    /** Whether a label selector (matchLabels and matchExpressions) selects a pod template. */
    static boolean selects(JsonNode selector, JsonNode template) {
        JsonNode labels = template.path("metadata").path("labels");
        if (!matchLabels(selector.path("matchLabels"), labels)) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            JsonNode value = labels.get(expression.path("key").asText());
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value.asText());
                case "NotIn" -> value == null || !values.contains(value.asText());
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchLabels(JsonNode wanted, JsonNode labels) {
        var it = wanted.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!Objects.equals(labels.path(e.getKey()).asText(null), e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }
}
