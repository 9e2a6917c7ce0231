package org.buildwithukraine.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.buildwithukraine.gateway.openapi.PlatformOpenApi;

import io.vertx.ext.web.Router;

/** Plain Vert.x routes: the proxy path carries no JAX-RS machinery. */
@ApplicationScoped
public class GatewayRoutes {

    void install(@Observes Router router, ApiHandler api, PlatformOpenApi openApi) {
        router.route("/api/*").handler(api);
        router.get(PlatformOpenApi.PATH).handler(openApi);
    }
}
