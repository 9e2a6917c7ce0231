package org.buildwithukraine.gateway;

import static org.buildwithukraine.gateway.Target.allRegions;
import static org.buildwithukraine.gateway.Target.gateway;
import static org.buildwithukraine.gateway.Target.lineRegion;
import static org.buildwithukraine.gateway.Target.region;
import static org.buildwithukraine.gateway.Target.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.buildwithukraine.gateway.Route.Transfer;

/**
 * The public API as the gateway sees it: which backend serves a request and which realm roles may call it at
 * all. The roles are coarse on purpose; the services check again, including object-level rights (a
 * manufacturer only for its own factory). The first matching row wins, so specific rows come before the
 * catch-all rows that keep endpoints a service adds later reachable without a gateway release.
 */
public final class RouteTable {

    public static final String FACTORY = "factory";
    public static final String LICENCE = "licence";
    public static final String ROUTING = "routing";
    /** Answers of the gateway itself. */
    public static final String ME = "me";
    public static final String PLATFORM_STATUS = "platform-status";
    public static final String DEAD_LETTER_TOPICS = "dead-letter-topics";
    public static final String DEAD_LETTERS = "dead-letters";
    public static final String DEAD_LETTER_REDRIVE = "dead-letter-redrive";

    // realm roles of realm bwu (deploy/keycloak/bwu-realm.json)
    static final String MANUFACTURER = "manufacturer";
    static final String TECHNOLOGY_OFFICER = "technology-officer";
    static final String ORDER_DESK = "order-desk";
    static final String NETWORK_ADMIN = "network-admin";
    static final String OPERATOR = "operator";
    /** A factory's MES: reports and reads its factory's lines, nothing else. */
    static final String FACTORY_MES = "factory-mes";
    private static final String[] ANY_ROLE = { MANUFACTURER, TECHNOLOGY_OFFICER, ORDER_DESK, NETWORK_ADMIN, OPERATOR };
    private static final String[] ANY_ROLE_AND_MES = { MANUFACTURER, FACTORY_MES, TECHNOLOGY_OFFICER, ORDER_DESK,
            NETWORK_ADMIN, OPERATOR };
    private static final String[] ANY_TOKEN = {};

    public static final RouteTable API = new RouteTable(List.of(
            route("factories.register", "POST", "/api/factories", service(FACTORY), NETWORK_ADMIN),
            route("factories.list", "GET", "/api/factories", service(FACTORY), ANY_ROLE),
            route("factories.get", "GET", "/api/factories/{id}", service(FACTORY), ANY_ROLE),
            route("factories.status", "POST", "/api/factories/{id}/status", service(FACTORY), NETWORK_ADMIN),
            route("factories.update", "PATCH", "/api/factories/{id}", service(FACTORY), NETWORK_ADMIN),
            route("factories.read", "GET", "/api/factories/**", service(FACTORY), ANY_ROLE),
            route("factories.write", "*", "/api/factories/**", service(FACTORY), NETWORK_ADMIN),

            route("technologies.create", "POST", "/api/technologies", service(LICENCE), TECHNOLOGY_OFFICER),
            route("technologies.list", "GET", "/api/technologies", service(LICENCE), ANY_ROLE),
            route("technologies.get", "GET", "/api/technologies/{code}", service(LICENCE), ANY_ROLE),
            route("releases.draft", "POST", "/api/technologies/{code}/releases", service(LICENCE),
                    TECHNOLOGY_OFFICER),
            route("releases.list", "GET", "/api/technologies/{code}/releases", service(LICENCE), TECHNOLOGY_OFFICER,
                    MANUFACTURER),
            // before releases.get, whose {revision} would take "access-records" for a revision
            route("releases.access-records", "GET", "/api/technologies/{code}/releases/access-records",
                    service(LICENCE), TECHNOLOGY_OFFICER),
            route("releases.get", "GET", "/api/technologies/{code}/releases/{revision}", service(LICENCE),
                    TECHNOLOGY_OFFICER, MANUFACTURER),
            route("releases.transition", "POST", "/api/technologies/{code}/releases/{revision}/release|withdraw",
                    service(LICENCE), TECHNOLOGY_OFFICER),
            // files up to max-upload-size (not max-body-size), streamed both ways; before the catch-alls below
            route("releases.files.upload", "PUT", "/api/technologies/{code}/releases/{revision}/files/{name}",
                    service(LICENCE), TECHNOLOGY_OFFICER).transferring(Transfer.STREAMED_REQUEST),
            route("releases.files.delete", "DELETE", "/api/technologies/{code}/releases/{revision}/files/{name}",
                    service(LICENCE), TECHNOLOGY_OFFICER),
            route("releases.files.download", "GET", "/api/technologies/{code}/releases/{revision}/files/{name}",
                    service(LICENCE), TECHNOLOGY_OFFICER, MANUFACTURER).transferring(Transfer.STREAMED_ANSWER),
            route("releases.acknowledge", "POST", "/api/technologies/{code}/releases/{revision}/acknowledgement",
                    service(LICENCE), MANUFACTURER),
            route("technologies.read", "GET", "/api/technologies/**", service(LICENCE), ANY_ROLE),
            route("technologies.write", "*", "/api/technologies/**", service(LICENCE), TECHNOLOGY_OFFICER),

            route("licences.request", "POST", "/api/licences/requests", service(LICENCE), MANUFACTURER),
            route("licences.grant", "POST", "/api/licences", service(LICENCE), TECHNOLOGY_OFFICER),
            route("licences.transition", "POST", "/api/licences/{id}/grant|suspend|reinstate|revoke",
                    service(LICENCE), TECHNOLOGY_OFFICER),
            route("licences.amend", "PATCH", "/api/licences/{id}", service(LICENCE), TECHNOLOGY_OFFICER),
            route("licences.unlicensed", "GET", "/api/licences/unlicensed-output", service(LICENCE),
                    TECHNOLOGY_OFFICER),
            route("licences.list", "GET", "/api/licences", service(LICENCE), TECHNOLOGY_OFFICER, MANUFACTURER),
            route("licences.get", "GET", "/api/licences/{id}", service(LICENCE), TECHNOLOGY_OFFICER, MANUFACTURER),
            route("licences.audit", "GET", "/api/licences/{id}/audit", service(LICENCE), TECHNOLOGY_OFFICER,
                    MANUFACTURER),
            route("licences.technical-data-access", "GET", "/api/licences/{id}/technical-data-access",
                    service(LICENCE), TECHNOLOGY_OFFICER, MANUFACTURER),
            route("licences.read", "GET", "/api/licences/**", service(LICENCE), TECHNOLOGY_OFFICER, MANUFACTURER),
            route("licences.write", "*", "/api/licences/**", service(LICENCE), TECHNOLOGY_OFFICER),

            route("lines.list", "GET", "/api/lines", allRegions(), ANY_ROLE_AND_MES),
            route("lines.register", "PUT", "/api/lines/{lineId}", lineRegion(), NETWORK_ADMIN, MANUFACTURER),
            route("lines.get", "GET", "/api/lines/{lineId}", lineRegion(), ANY_ROLE_AND_MES),
            route("lines.report", "POST", "/api/lines/{lineId}/status-reports", lineRegion(), MANUFACTURER,
                    FACTORY_MES),
            // a batch of one region's reports (up to 500, some 100 KB: within max-body-size)
            route("lines.report-batch", "POST", "/api/regions/{region}/status-reports", region(), MANUFACTURER,
                    FACTORY_MES),
            route("lines.reports", "GET", "/api/lines/{lineId}/status-reports", lineRegion(), ANY_ROLE_AND_MES),
            route("lines.reports.get", "GET", "/api/lines/{lineId}/status-reports/{reportId}", lineRegion(),
                    ANY_ROLE_AND_MES),
            route("lines.oee", "GET", "/api/lines/{lineId}/oee", lineRegion(), ANY_ROLE_AND_MES),
            route("lines.history", "GET", "/api/lines/{lineId}/history", lineRegion(), ANY_ROLE),
            route("lines.allocations", "GET", "/api/lines/{lineId}/allocations", lineRegion(), MANUFACTURER,
                    ORDER_DESK),
            route("lines.read", "GET", "/api/lines/{lineId}/**", lineRegion(), ANY_ROLE),
            route("lines.write", "*", "/api/lines/{lineId}/**", lineRegion(), NETWORK_ADMIN, MANUFACTURER),

            route("orders.place", "POST", "/api/orders", service(ROUTING), ORDER_DESK),
            route("orders.list", "GET", "/api/orders", service(ROUTING), ORDER_DESK),
            // before orders.get, whose {id} would take "work-under-licence" for an order
            route("orders.work-under-licence", "GET", "/api/orders/work-under-licence/{licenceId}", service(ROUTING),
                    TECHNOLOGY_OFFICER),
            route("orders.get", "GET", "/api/orders/{id}", service(ROUTING), ORDER_DESK),
            route("orders.decisions", "GET", "/api/orders/{id}/decisions", service(ROUTING), ORDER_DESK),
            route("orders.cancel", "POST", "/api/orders/{id}/cancel", service(ROUTING), ORDER_DESK),
            route("orders.other", "*", "/api/orders/**", service(ROUTING), ORDER_DESK),

            route("platform.status", "GET", "/api/platform/status", gateway(PLATFORM_STATUS), OPERATOR),
            route("operations.dead-letters", "GET", "/api/operations/dead-letters", gateway(DEAD_LETTER_TOPICS),
                    OPERATOR),
            route("operations.dead-letters.list", "GET", "/api/operations/dead-letters/{topic}",
                    gateway(DEAD_LETTERS), OPERATOR),
            route("operations.dead-letters.redrive", "POST",
                    "/api/operations/dead-letters/{topic}/{partition}/{offset}/redrive", gateway(DEAD_LETTER_REDRIVE),
                    OPERATOR),

            route("me", "GET", "/api/me", gateway(ME), ANY_TOKEN)));

    /** Rows by the segment after /api, so that a request looks at a handful of rows, not all. */
    private final Map<String, Route[]> byResource = new HashMap<>();
    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
        Map<String, List<Route>> grouped = new HashMap<>();
        for (Route route : routes) {
            String[] segments = PathPattern.split(route.path().toString());
            grouped.computeIfAbsent(segments[1], k -> new ArrayList<>()).add(route);
        }
        grouped.forEach((resource, rows) -> byResource.put(resource, rows.toArray(Route[]::new)));
    }

    public static Route route(String id, String method, String path, Target target, String... roles) {
        return new Route(id, method, PathPattern.of(path), target, Set.of(roles), Transfer.BUFFERED);
    }

    public List<Route> routes() {
        return routes;
    }

    /** The row serving this request, or null. */
    public Route find(String method, String[] path) {
        Route[] rows = rowsFor(path);
        if (rows != null) {
            for (Route route : rows) {
                if (route.admitsMethod(method) && route.path().matches(path)) {
                    return route;
                }
            }
        }
        return null;
    }

    /** Methods some row accepts for this path: empty means the path is unknown (404), else 405 with Allow. */
    public Set<String> allowedMethods(String[] path) {
        Set<String> methods = new TreeSet<>();
        Route[] rows = rowsFor(path);
        if (rows != null) {
            for (Route route : rows) {
                if (route.path().matches(path)) {
                    methods.add(route.method());
                }
            }
        }
        return methods;
    }

    private Route[] rowsFor(String[] path) {
        return path.length >= 2 && path[0].equals("api") ? byResource.get(path[1]) : null;
    }
}
