package org.buildwithukraine.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the rendered NetworkPolicies let through, read as a CNI enforces them: which policies select a pod, whether
 * a rule's peers admit some pods and its ports include a port, and whether a peer admits some pods and no others
 * and its ports no others than theirs.
 */
final class NetworkPolicies {

    /** The label Kubernetes sets on every namespace: the one selector that pins a namespace. */
    static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    enum Direction {
        INGRESS("Ingress", "ingress", "from"),
        EGRESS("Egress", "egress", "to");

        /** as in policyTypes */
        final String type;
        /** the field of the rules in a policy's spec */
        final String rules;
        /** the field of the peers in a rule */
        final String peers;

        Direction(String type, String rules, String peers) {
            this.type = type;
            this.rules = rules;
            this.peers = peers;
        }
    }

    /**
     * A set of pods as a NetworkPolicy sees it. {@code identity}: the labels a peer selector must require to admit
     * these pods and no others; {@code labels}: those the pods carry.
     */
    record Peer(String description, String namespace, Map<String, String> identity, Map<String, String> labels) {
        static Peer outside(String description, String namespace, Map<String, String> labels) {
            return new Peer(description, namespace, labels, labels);
        }
    }

    record Port(String protocol, int number) {
        static Port tcp(int number) {
            return new Port("TCP", number);
        }

        @Override
        public String toString() {
            return number + "/" + protocol;
        }
    }

    /**
     * Pods and the ports a policy may open towards them; a rule's named port resolves in {@code portOwner}, a pod
     * template of theirs, or nowhere (pods that operators create: their rules name ports by number).
     */
    record Destination(Peer pods, List<Port> ports, JsonNode portOwner) {
        Destination(Peer pods, List<Port> ports) {
            this(pods, ports, MissingNode.getInstance());
        }

        /** Whether an entry of a rule's ports opens only ports of these pods: each port of its range is theirs. */
        boolean opensNoMoreThanTheirs(JsonNode entry) {
            String protocol = entry.path("protocol").asText("TCP");
            Optional<Integer> first = entry.hasNonNull("port") ? Manifests.portNumber(entry.path("port"), portOwner) : Optional.empty();
            if (first.isEmpty()) {
                return false;
            }
            int last = entry.has("endPort") ? entry.path("endPort").asInt() : first.get();
            return first.get() <= last && IntStream.rangeClosed(first.get(), last).allMatch(n -> ports.contains(new Port(protocol, n)));
        }
    }

    private final List<ObjectNode> objects;

    NetworkPolicies(List<ObjectNode> objects) {
        this.objects = objects;
    }

    /** The NetworkPolicies of the pod's namespace that govern its traffic of one direction. */
    List<JsonNode> selecting(JsonNode workload, JsonNode template, Direction direction) {
        return Manifests.ofKind(objects, "NetworkPolicy")
                .filter(p -> Manifests.namespace(p).equals(Manifests.namespace(workload)))
                .filter(p -> types(p).contains(direction.type))
                .filter(p -> Manifests.selects(p.path("spec").path("podSelector"), template))
                .map(JsonNode.class::cast).toList();
    }

    /** Whether a policy of the namespace selects every pod for both directions and lets nothing through. */
    boolean deniesByDefault(String namespace) {
        return Manifests.ofKind(objects, "NetworkPolicy")
                .filter(p -> Manifests.namespace(p).equals(namespace))
                .anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                        && types(p).containsAll(List.of(Direction.INGRESS.type, Direction.EGRESS.type))
                        && p.path("spec").path("ingress").isEmpty() && p.path("spec").path("egress").isEmpty());
    }

    /**
     * Whether policies of one direction let a peer through to (or, for egress, towards) a port of the pods of
     * {@code portOwner}, which resolves named ports. Policies are additive; none at all means no restriction.
     */
    static boolean allows(List<JsonNode> policies, Direction direction, Peer peer, Port port, JsonNode portOwner) {
        return policies.isEmpty() || policies.stream().anyMatch(p -> Manifests.stream(p.path("spec").path(direction.rules))
                .anyMatch(rule -> opens(rule.path("ports"), port, portOwner)
                        && admits(rule.path(direction.peers), Manifests.namespace(p), peer)));
    }

    /** Whether a rule's ports include a port: no ports is every port; by number, range or the name in the pod. */
    static boolean opens(JsonNode ports, Port port, JsonNode template) {
        if (ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!p.path("protocol").asText("TCP").equals(port.protocol())) {
                continue;
            }
            if (p.path("port").isMissingNode() || p.path("port").isNull()) {
                return true;
            }
            Optional<Integer> first = Manifests.portNumber(p.path("port"), template);
            int last = p.has("endPort") ? p.path("endPort").asInt() : first.orElse(-1);
            if (first.isPresent() && first.get() <= port.number() && port.number() <= last) {
                return true;
            }
        }
        return false;
    }

    /** Whether a rule's peers admit the given pods (no peers: everyone; an ipBlock is taken as no pod's). */
    static boolean admits(JsonNode peers, String policyNamespace, Peer pods) {
        if (peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (peer.has("ipBlock")) {
                continue;
            }
            boolean namespace = peer.has("namespaceSelector")
                    ? Manifests.selects(peer.path("namespaceSelector"), Manifests.withLabels(Map.of(NAMESPACE_NAME, pods.namespace())))
                    : pods.namespace().equals(policyNamespace);
            if (namespace && (!peer.has("podSelector")
                    || Manifests.selects(peer.path("podSelector"), Manifests.withLabels(pods.labels())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a peer of a policy admits only the allowed pods: no ipBlock, the allowed pods' namespace pinned by
     * name (or left out, when it is the policy's own), and a pod selector that requires their identity.
     */
    static boolean only(JsonNode peer, String policyNamespace, Peer allowed) {
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

    /** An entry of a rule's ports as written: 8080/TCP, 8000-8999/TCP, http/TCP, every UDP port. */
    static String describe(JsonNode entry) {
        String protocol = entry.path("protocol").asText("TCP");
        if (!entry.hasNonNull("port")) {
            return "every " + protocol + " port";
        }
        return entry.path("port").asText() + (entry.has("endPort") ? "-" + entry.path("endPort").asText() : "") + "/" + protocol;
    }

    /** The directions a policy governs: policyTypes, or as the API server defaults them when left out. */
    private static List<String> types(JsonNode policy) {
        List<String> types = new ArrayList<>();
        policy.path("spec").path("policyTypes").forEach(t -> types.add(t.asText()));
        if (types.isEmpty()) {
            types.add(Direction.INGRESS.type);
            if (policy.path("spec").has("egress")) {
                types.add(Direction.EGRESS.type);
            }
        }
        return types;
    }
}
