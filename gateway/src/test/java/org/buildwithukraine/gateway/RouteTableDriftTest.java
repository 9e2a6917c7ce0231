package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.buildwithukraine.gateway.ServiceEndpoints.Endpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The route table and the services' endpoints must not drift apart. Rules:
 * <ul>
 * <li>every endpoint a service declares under /api is served by a row of its own (same method, same path
 * template), not by a catch-all, sending it to that service, with exactly the service's roles;</li>
 * <li>every such specific row is an endpoint of the service it routes to, and the row that serves it (no earlier
 * row shadows it);</li>
 * <li>a catch-all row ({@code **}) grants no role that none of the endpoints it covers grants, so that an
 * endpoint added later is reachable at most by roles the resource already admits.</li>
 * </ul>
 * Both sides are read as they are: the services' sources and {@link RouteTable#API}.
 */
class RouteTableDriftTest {

    private static final Path SERVICES = Path.of(System.getProperty("bwu.services-dir", "../services"));
    private static final Map<String, Predicate<Target>> TARGET_OF_MODULE = Map.of(
            "factory-service", target -> target.equals(Target.service(RouteTable.FACTORY)),
            "licence-service", target -> target.equals(Target.service(RouteTable.LICENCE)),
            "order-routing-service", target -> target.equals(Target.service(RouteTable.ROUTING)),
            "production-line-service", target -> target.kind() == Target.Kind.LINE_REGION
                    || target.kind() == Target.Kind.REGION || target.kind() == Target.Kind.ALL_REGIONS);

    private static List<Endpoint> endpoints;

    @BeforeAll
    static void readServices() {
        Map<String, String> roles = ServiceEndpoints.constants(
                SERVICES.resolve("service-kit/src/main/java/org/buildwithukraine/kit/security/Roles.java"));
        endpoints = new ArrayList<>();
        for (String module : new TreeSet<>(TARGET_OF_MODULE.keySet())) {
            Path dir = SERVICES.resolve(module);
            assertThat(Files.isDirectory(dir)).as(dir.toString()).isTrue();
            ServiceEndpoints.of(module, dir, roles).stream().filter(e -> e.path().startsWith("/api/"))
                    .forEach(endpoints::add);
        }
    }

    @Test
    void theServicesAndTheRouteTableAgree() {
        assertThat(drift(RouteTable.API, endpoints)).isEmpty();
    }

    @Test
    void theServicesEndpointsAreReadAsDeclared() {
        assertThat(endpoints).hasSizeGreaterThan(20);
        assertThat(endpoints).anySatisfy(e -> {
            assertThat(e.method() + " " + e.path()).isEqualTo("POST /api/factories");
            assertThat(e.roles()).containsExactly("network-admin");
        });
        assertThat(endpoints).anySatisfy(e -> {
            assertThat(e.method() + " " + e.path()).isEqualTo("GET /api/lines/{lineId}/allocations");
            assertThat(e.roles()).contains("manufacturer", "order-desk");
        });
    }

    @Test
    void aRowWithOtherRolesThanTheServiceIsDrift() {
        RouteTable table = replaced(RouteTable.API, "factories.register",
                RouteTable.route("factories.register", "POST", "/api/factories", Target.service(RouteTable.FACTORY),
                        "network-admin", "manufacturer"));
        assertThat(drift(table, endpoints)).anySatisfy(problem -> assertThat(problem)
                .contains("POST /api/factories").contains("roles"));
    }

    @Test
    void anEndpointOnlyACatchAllServesIsDrift() {
        RouteTable table = without(RouteTable.API, "orders.cancel");
        assertThat(drift(table, endpoints)).anySatisfy(problem -> assertThat(problem)
                .contains("POST /api/orders/{id}/cancel").contains("catch-all"));
    }

    @Test
    void aRowNoServiceDeclaresIsDrift() {
        List<Route> rows = new ArrayList<>(RouteTable.API.routes());
        rows.add(0, RouteTable.route("orders.purge", "DELETE", "/api/orders/{id}", Target.service(RouteTable.ROUTING),
                "order-desk"));
        assertThat(drift(new RouteTable(rows), endpoints)).anySatisfy(problem -> assertThat(problem)
                .contains("orders.purge").contains("no service declares"));
    }

    @Test
    void aRowToTheWrongServiceIsDrift() {
        RouteTable table = replaced(RouteTable.API, "orders.list",
                RouteTable.route("orders.list", "GET", "/api/orders", Target.service(RouteTable.LICENCE), "order-desk"));
        assertThat(drift(table, endpoints)).anySatisfy(problem -> assertThat(problem)
                .contains("GET /api/orders").contains("routed to"));
    }

    @Test
    void aCatchAllGrantingARoleTheResourceDoesNotIsDrift() {
        RouteTable table = replaced(RouteTable.API, "orders.other",
                RouteTable.route("orders.other", "*", "/api/orders/**", Target.service(RouteTable.ROUTING),
                        "order-desk", "manufacturer"));
        assertThat(drift(table, endpoints)).anySatisfy(problem -> assertThat(problem)
                .contains("orders.other").contains("manufacturer"));
    }

    /** Every way the table and the endpoints disagree, one sentence each. */
    static List<String> drift(RouteTable table, List<Endpoint> endpoints) {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Route row = servingRow(table, endpoint);
            if (row == null) {
                problems.add(endpoint + " is not routed by the gateway");
            } else if (isCatchAll(row)) {
                problems.add(endpoint + " is reached only through catch-all row " + row.id());
            } else if (!expansions(row).stream().anyMatch(template -> sameTemplate(template, endpoint.path()))
                    || !row.method().equals(endpoint.method())) {
                problems.add(endpoint + " is served by row " + row.id() + " (" + row.method() + " " + row.path()
                        + "), which is no row of its own");
            } else if (!TARGET_OF_MODULE.get(endpoint.service()).test(row.target())) {
                problems.add(endpoint + " is routed to " + row.target() + " by row " + row.id());
            } else if (!row.roles().equals(endpoint.anyCaller() ? Set.of() : endpoint.roles())) {
                problems.add(endpoint + " has roles " + new TreeSet<>(row.roles()) + " in row " + row.id());
            }
        }
        for (Route row : table.routes()) {
            if (row.target().kind() == Target.Kind.GATEWAY) {
                continue;
            }
            if (isCatchAll(row)) {
                checkCatchAll(row, endpoints, problems);
                continue;
            }
            for (String template : expansions(row)) {
                boolean declared = endpoints.stream().anyMatch(e -> row.method().equals(e.method())
                        && sameTemplate(template, e.path()) && TARGET_OF_MODULE.get(e.service()).test(row.target())
                        && servingRow(table, e) == row);
                if (!declared) {
                    problems.add("Row " + row.id() + " routes " + row.method() + " " + template
                            + ", which no service declares (or an earlier row shadows it)");
                }
            }
        }
        return problems;
    }

    private static void checkCatchAll(Route row, List<Endpoint> endpoints, List<String> problems) {
        List<Endpoint> covered = endpoints.stream()
                .filter(e -> row.admitsMethod(e.method()) && row.path().covers(e.path())).toList();
        if (covered.isEmpty()) {
            problems.add("Catch-all row " + row.id() + " covers no endpoint any service declares");
            return;
        }
        if (covered.stream().anyMatch(Endpoint::anyCaller)) {
            return;
        }
        Set<String> granted = new HashSet<>();
        covered.forEach(e -> granted.addAll(e.roles()));
        if (row.roles().isEmpty()) {
            problems.add("Catch-all row " + row.id() + " admits any token, more than its endpoints grant");
        }
        Set<String> extra = new TreeSet<>(row.roles());
        extra.removeAll(granted);
        if (!extra.isEmpty()) {
            problems.add("Catch-all row " + row.id() + " grants " + extra + ", which none of its endpoints grants");
        }
    }

    /** The row the gateway would serve the endpoint's requests by: the first one whose method and path cover it. */
    private static Route servingRow(RouteTable table, Endpoint endpoint) {
        return table.routes().stream()
                .filter(row -> row.admitsMethod(endpoint.method()) && row.path().covers(endpoint.path()))
                .findFirst().orElse(null);
    }

    private static boolean isCatchAll(Route row) {
        return row.path().toString().endsWith("/**");
    }

    /** {@code /api/licences/{id}/grant|revoke} → {@code /api/licences/{id}/grant}, {@code /api/licences/{id}/revoke}. */
    private static List<String> expansions(Route row) {
        List<String> templates = List.of("");
        for (String segment : PathPattern.split(row.path().toString())) {
            List<String> longer = new ArrayList<>();
            for (String prefix : templates) {
                for (String alternative : segment.split("\\|")) {
                    longer.add(prefix + "/" + alternative);
                }
            }
            templates = longer;
        }
        return templates;
    }

    /** Same segments, variables matching variables whatever their names. */
    private static boolean sameTemplate(String a, String b) {
        String[] left = PathPattern.split(a);
        String[] right = PathPattern.split(b);
        if (left.length != right.length) {
            return false;
        }
        for (int i = 0; i < left.length; i++) {
            boolean leftVariable = left[i].startsWith("{");
            boolean rightVariable = right[i].startsWith("{");
            if (leftVariable != rightVariable || !leftVariable && !left[i].equals(right[i])) {
                return false;
            }
        }
        return true;
    }

    private static RouteTable replaced(RouteTable table, String id, Route replacement) {
        return new RouteTable(table.routes().stream().map(row -> row.id().equals(id) ? replacement : row).toList());
    }

    private static RouteTable without(RouteTable table, String id) {
        return new RouteTable(table.routes().stream().filter(row -> !row.id().equals(id)).toList());
    }
}
