package org.buildwithukraine.gateway.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkiverse.web.bundler.runtime.Bundle;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The browser console at /console: one HTML shell for every console path (the console routes in the browser,
 * so a deep link such as /console/lines/DE-MUC-01 gets the shell too), the sign-in settings as JSON, and the
 * hashed bundle files that the Web Bundler builds from src/main/resources/web and serves under /console/bundle.
 */
@ApplicationScoped
public class ConsoleRoutes {

    static final String ROOT = "/console";
    static final String BUNDLE = ROOT + "/bundle/";
    static final String SETTINGS = ROOT + "/config.json";
    private static final String SHELL_TEMPLATE = "console/shell.html";
    /** The Web Bundler's entry point: the directory web/app. */
    private static final String ENTRY_POINT = "app";

    private final String shell;
    private final String settings;
    private final String contentSecurityPolicy;

    public ConsoleRoutes(Bundle bundle, ConsoleConfig config) {
        this.shell = shell(bundle);
        this.settings = new JsonObject()
                .put("keycloakUrl", config.keycloakUrl().toString())
                .put("realm", config.realm())
                .put("clientId", config.clientId())
                .encode();
        this.contentSecurityPolicy = ConsoleHeaders.contentSecurityPolicy(config.keycloakUrl());
    }

    void install(@Observes Router router) {
        router.route(ROOT).handler(this::headers);
        router.route(ROOT + "/*").handler(this::headers);
        router.route(SETTINGS).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(context -> context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(settings));
        router.route(ROOT).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::shell);
        router.route(ROOT + "/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(context -> {
            if (context.normalizedPath().startsWith(BUNDLE)) {
                context.next();
            } else {
                shell(context);
            }
        });
    }

    private void headers(RoutingContext context) {
        var headers = context.response().headers();
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        boolean hashedAsset = context.normalizedPath().startsWith(BUNDLE);
        // the static handler that serves the bundle sets caching headers of its own: ours are set last
        context.addHeadersEndHandler(ignored -> {
            if (!hashedAsset || context.response().getStatusCode() == 200
                    || context.response().getStatusCode() == 304) {
                context.response().headers().set(HttpHeaders.CACHE_CONTROL,
                        hashedAsset ? ConsoleHeaders.HASHED_ASSET_CACHE : ConsoleHeaders.SHELL_CACHE);
            } else {
                context.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        context.next();
    }

    private void shell(RoutingContext context) {
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(shell);
    }

    private static String shell(Bundle bundle) {
        String style = bundle.style(ENTRY_POINT);
        return template()
                .replace("{script}", bundle.script(ENTRY_POINT))
                .replace("{style}", style == null ? "" : "<link rel=\"stylesheet\" href=\"" + style + "\">");
    }

    private static String template() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SHELL_TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(SHELL_TEMPLATE + " is missing from the gateway");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
