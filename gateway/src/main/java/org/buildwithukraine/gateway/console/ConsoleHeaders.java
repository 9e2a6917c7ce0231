package org.buildwithukraine.gateway.console;

import java.net.URI;

/**
 * The console's response headers. The policy allows scripts, styles and API calls from the gateway's own origin
 * only, plus Keycloak for sign-in, token refresh and its session iframe; nothing inline, no plugins, no framing.
 */
public final class ConsoleHeaders {

    /** Bundle files carry a content hash in their name: a changed file is a new URL. */
    public static final String HASHED_ASSET_CACHE = "public, max-age=31536000, immutable";
    /** The shell names the current bundle files, so browsers must ask again each time (a 304 is cheap). */
    public static final String SHELL_CACHE = "no-cache";

    private ConsoleHeaders() {
    }

    public static String contentSecurityPolicy(URI keycloakUrl) {
        String keycloak = origin(keycloakUrl);
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self' " + keycloak,
                "frame-src " + keycloak,
                "form-action 'self' " + keycloak,
                "base-uri 'none'",
                "object-src 'none'",
                "frame-ancestors 'none'");
    }

    /** scheme://host[:port] of a URL: a CSP source naming a path would allow only that path. */
    static String origin(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("bwu.console.keycloak-url must be an absolute URL, was " + url);
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }
}
