package org.buildwithukraine.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rules every rendered overlay must keep. Each violation names its rule, so that a test can prove that each rule
 * catches what it is meant to catch.
 */
final class ManifestLint {

    enum Rule {
        /** startup, liveness and readiness probes; platform images probe the Quarkus health endpoints */
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
        /** every environment variable names a configuration key the application reads */
        CONFIG_KEYS,
        /** every pod is scraped by Prometheus (annotations or a PodMonitor) */
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
        List<JsonNode> containers = new ArrayList<>();
        spec.path("initContainers").forEach(containers::add);
        spec.path("containers").forEach(containers::add);
        for (JsonNode container : containers) {
            String c = "container " + container.path("name").asText();
            boolean init = spec.path("initContainers").findValues("name").contains(container.path("name"));
            if (!init) {
                probes(workload, container, c);
            }
            resources(workload, container, c);
            securityContext(workload, podSecurity, container, c);
            writableTmp(workload, spec, container, c);
            image(workload, container, c);
            configKeys(workload, container, c);
        }
    }

    private void probes(JsonNode workload, JsonNode container, String c) {
        boolean platformImage = container.path("image").asText().startsWith("bwu/")
                || container.path("image").asText().contains("/bwu/");
        HEALTH.forEach((probe, path) -> {
            JsonNode p = container.path(probe);
            if (p.isMissingNode()) {
                add(Rule.PROBES, workload, c + " has no " + probe);
            } else if (platformImage && !path.equals(p.path("httpGet").path("path").asText())) {
                add(Rule.PROBES, workload, c + " " + probe + " does not GET " + path);
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
        String image = container.path("image").asText();
        if (!image.startsWith("bwu/") && !image.contains("/bwu/")) {
            return;
        }
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
        }
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
            boolean own = Manifests.ofKind(objects, "NetworkPolicy")
                    .filter(p -> Manifests.namespace(p).equals(Manifests.namespace(workload)))
                    .filter(p -> !p.path("spec").path("podSelector").isEmpty())
                    .filter(p -> types(p).contains(type))
                    .anyMatch(p -> selects(p.path("spec").path("podSelector"), template));
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
