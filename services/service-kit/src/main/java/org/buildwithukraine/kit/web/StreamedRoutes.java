package org.buildwithukraine.kit.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Which requests go to a route whose body is streamed, and on what terms. */
public final class StreamedRoutes {

    /** One streamed route: its body limit in bytes and its idle timeout in milliseconds. */
    public record Route(String name, String method, Pattern path, long maxBodyBytes, long idleTimeoutMillis) {
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{[^/{}]+}");

    private final List<Route> routes;

    public StreamedRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static StreamedRoutes of(Map<String, HttpGuardConfig.StreamedRoute> configured) {
        return new StreamedRoutes(configured.entrySet().stream()
                .map(entry -> new Route(entry.getKey(), entry.getValue().method().toUpperCase(Locale.ROOT),
                        template(entry.getValue().path()), entry.getValue().maxBodySize().asLongValue(),
                        entry.getValue().idleTimeout().toMillis()))
                .toList());
    }

    /** A path template as a pattern: each {@code {name}} one segment (no slash), everything else literally. */
    public static Pattern template(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A route's path starts with /: " + path);
        }
        String[] literals = PARAMETER.split(path, -1);
        return Pattern.compile(Arrays.stream(literals).map(Pattern::quote)
                .collect(Collectors.joining("[^/]+")));
    }

    public List<Route> routes() {
        return routes;
    }

    /** The streamed route of a request, if it goes to one. */
    public Optional<Route> match(String method, String path) {
        return routes.stream()
                .filter(route -> route.method().equalsIgnoreCase(method) && route.path().matcher(path).matches())
                .findFirst();
    }
}
