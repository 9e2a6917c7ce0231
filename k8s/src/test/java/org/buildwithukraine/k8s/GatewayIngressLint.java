package org.buildwithukraine.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the lint requires of the Ingresses in front of the gateway (ingress-nginx annotations), against the
 * gateway's own limits as its application.properties sets them: every body limit lies above the gateway's for the
 * paths it covers, so that the gateway, not the controller, refuses a too-large body (with problem+json); only the
 * technical data file paths have the upload limit, with request buffering off (an upload streams through instead of
 * being spooled to the controller's disk) and read/send timeouts at least the gateway's stream idle timeout; every
 * other path stays below the upload limit.
 */
final class GatewayIngressLint {

    static final String GATEWAY_SERVICE = "gateway";
    /** The technical data file paths, as an ingress-nginx regex (use-regex). */
    static final String FILE_PATHS = "/api/technologies/[^/]+/releases/[^/]+/files/[^/]+$";
    private static final String NGINX = "nginx.ingress.kubernetes.io/";
    private static final Pattern NGINX_SIZE = Pattern.compile("(\\d+)([kmg]?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MEMORY_SIZE = Pattern.compile("(\\d+)([KMGT]?)B?", Pattern.CASE_INSENSITIVE);

    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final Duration streamIdleTimeout;

    private GatewayIngressLint(Properties gateway) {
        this.maxBodyBytes = memorySize(gateway.getProperty("bwu.gateway.limits.max-body-size"));
        this.maxUploadBytes = memorySize(gateway.getProperty("bwu.gateway.limits.max-upload-size"));
        this.streamIdleTimeout = Duration.parse("PT" + gateway.getProperty("bwu.gateway.limits.stream-idle-timeout"));
    }

    /** The rules with the gateway's limits from its sources. */
    static GatewayIngressLint ofSources() {
        Path file = Manifests.repositoryRoot().resolve("gateway/src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return new GatewayIngressLint(properties);
    }

    /** Reports each way an Ingress to the gateway falls short; other Ingresses are not its business. */
    void check(JsonNode ingress, Consumer<String> violation) {
        boolean toGateway = false;
        boolean onlyFiles = true;
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                if (GATEWAY_SERVICE.equals(path.path("backend").path("service").path("name").asText())) {
                    toGateway = true;
                    onlyFiles &= FILE_PATHS.equals(path.path("path").asText())
                            && "ImplementationSpecific".equals(path.path("pathType").asText());
                }
            }
        }
        if (!toGateway) {
            return;
        }
        JsonNode annotations = ingress.path("metadata").path("annotations");
        String bodySize = annotations.path(NGINX + "proxy-body-size").asText(null);
        Long bodyBytes = bodySize == null ? null : nginxSize(bodySize);
        if (bodyBytes == null) {
            violation.accept("no valid " + NGINX + "proxy-body-size: the controller's 1m default would answer before "
                    + "the gateway");
            return;
        }
        long gatewayLimit = onlyFiles ? maxUploadBytes : maxBodyBytes;
        if (bodyBytes <= gatewayLimit) {
            violation.accept("proxy-body-size " + bodySize + " is not above the gateway's own limit of " + gatewayLimit
                    + " bytes for these paths: the controller would refuse bodies without a problem answer");
        }
        if (!onlyFiles) {
            if (bodyBytes >= maxUploadBytes) {
                violation.accept("proxy-body-size " + bodySize + " lets bodies of the upload limit through to paths "
                        + "other than the technical data files (" + FILE_PATHS + ")");
            }
            return;
        }
        if (!"true".equals(annotations.path(NGINX + "use-regex").asText())) {
            violation.accept("the file path is a regex, but use-regex is not \"true\"");
        }
        if (!"off".equals(annotations.path(NGINX + "proxy-request-buffering").asText())) {
            violation.accept("proxy-request-buffering is not \"off\": uploads would be spooled before the gateway "
                    + "sees a byte");
        }
        for (String timeout : new String[] { "proxy-read-timeout", "proxy-send-timeout" }) {
            long seconds = annotations.path(NGINX + timeout).asLong(60);
            if (seconds < streamIdleTimeout.toSeconds()) {
                violation.accept(timeout + " " + seconds + " s is shorter than the gateway's stream idle timeout of "
                        + streamIdleTimeout.toSeconds() + " s");
            }
        }
    }

    /** ingress-nginx sizes: bytes, k, m or g (binary units, as nginx reads them). */
    static Long nginxSize(String size) {
        Matcher m = NGINX_SIZE.matcher(size.trim());
        return m.matches() ? Long.parseLong(m.group(1)) << shift(m.group(2)) : null;
    }

    /** Quarkus memory sizes as the gateway's properties give them: 1M, 200M, … */
    private static long memorySize(String size) {
        Matcher m = MEMORY_SIZE.matcher(size == null ? "" : size.trim());
        if (!m.matches()) {
            throw new IllegalStateException("not a memory size: " + size);
        }
        return Long.parseLong(m.group(1)) << shift(m.group(2));
    }

    private static int shift(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
    }
}
