package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {

    private final RouteTable table = RouteTable.API;

    @ParameterizedTest
    @CsvSource({
            "POST, /api/factories, factories.register",
            "GET, /api/factories, factories.list",
            "GET, /api/factories/de-munich, factories.get",
            "PATCH, /api/factories/de-munich, factories.update",
            "POST, /api/factories/de-munich/status, factories.status",
            "GET, /api/factories/de-munich/lines, factories.read",
            "DELETE, /api/factories/de-munich, factories.write",
            "POST, /api/licences, licences.grant",
            "POST, /api/licences/requests, licences.request",
            "POST, /api/licences/7/revoke, licences.transition",
            "POST, /api/licences/7/extend, licences.write",
            "GET, /api/licences/7/audit, licences.audit",
            "GET, /api/licences/7/technical-data-access, licences.technical-data-access",
            "GET, /api/technologies/UA-FPV-7/releases/access-records, releases.access-records",
            "GET, /api/technologies/UA-FPV-7/releases/B, releases.get",
            "PUT, /api/technologies/UA-FPV-7/releases/B/files/drawing.pdf, releases.files.upload",
            "DELETE, /api/technologies/UA-FPV-7/releases/B/files/drawing.pdf, releases.files.delete",
            "GET, /api/technologies/UA-FPV-7/releases/A/files/bom.txt, releases.files.download",
            "POST, /api/technologies/UA-FPV-7/releases/A/acknowledgement, releases.acknowledge",
            "PUT, /api/technologies/UA-FPV-7/releases/B/notes, technologies.write",
            "GET, /api/licences/unlicensed-output, licences.unlicensed",
            "GET, /api/licences/7, licences.get",
            "GET, /api/lines, lines.list",
            "PUT, /api/lines/DE-MUC-01, lines.register",
            "GET, /api/lines/DE-MUC-01/, lines.get",
            "POST, /api/lines/DE-MUC-01/status-reports, lines.report",
            "POST, /api/regions/uk/status-reports, lines.report-batch",
            "GET, /api/lines/DE-MUC-01/oee, lines.oee",
            "GET, /api/lines/DE-MUC-01/status-reports/r-1, lines.reports.get",
            "GET, /api/lines/DE-MUC-01/history, lines.history",
            "GET, /api/lines/DE-MUC-01/output/2026-05-01, lines.read",
            "POST, /api/orders, orders.place",
            "POST, /api/orders/9/cancel, orders.cancel",
            "GET, /api/platform/status, platform.status",
            "GET, /api/operations/dead-letters, operations.dead-letters",
            "GET, /api/operations/dead-letters/line.output.dlq, operations.dead-letters.list",
            "POST, /api/operations/dead-letters/line.output.dlq/0/42/redrive, operations.dead-letters.redrive",
            "GET, /api/me, me" })
    void findsTheRowOfARequest(String method, String path, String route) {
        assertThat(table.find(method, PathPattern.split(path)).id()).isEqualTo(route);
    }

    @Test
    void knowsNothingElse() {
        assertThat(table.find("GET", PathPattern.split("/api/warehouses"))).isNull();
        assertThat(table.find("GET", PathPattern.split("/api"))).isNull();
        assertThat(table.find("GET", PathPattern.split("/factories"))).isNull();
        assertThat(table.allowedMethods(PathPattern.split("/api/warehouses"))).isEmpty();
        assertThat(table.find("DELETE", PathPattern.split("/api/lines"))).isNull();
        assertThat(table.allowedMethods(PathPattern.split("/api/lines"))).isEqualTo(Set.of("GET"));
    }

    @Test
    void onlyTheFileRoutesStreamTheirBodies() {
        assertThat(table.routes()).filteredOn(route -> route.transfer() != Route.Transfer.BUFFERED)
                .extracting(route -> route.id() + " " + route.transfer())
                .containsExactlyInAnyOrder("releases.files.upload STREAMED_REQUEST",
                        "releases.files.download STREAMED_ANSWER");
    }

    @Test
    void lineRoutesKnowWhereTheLineIdIs() {
        Route route = table.find("POST", PathPattern.split("/api/lines/UK-BRS-01/status-reports"));
        assertThat(PathPattern.split("/api/lines/UK-BRS-01/status-reports")[route.lineIdSegment()])
                .isEqualTo("UK-BRS-01");
        assertThat(route.target().kind()).isEqualTo(Target.Kind.LINE_REGION);
    }

    @Test
    void rolesAdmitAnyOfTheirs() {
        Route allocations = table.find("GET", PathPattern.split("/api/lines/DE-1/allocations"));
        assertThat(allocations.admits(Set.of("order-desk"))).isTrue();
        assertThat(allocations.admits(Set.of("operator", "manufacturer"))).isTrue();
        assertThat(allocations.admits(Set.of("technology-officer"))).isFalse();
        assertThat(table.find("GET", PathPattern.split("/api/me")).admits(Set.of())).isTrue();
    }

    @Test
    void aFactoryMesReachesItsLinesReportsAndOeeAndNothingElse() {
        Set<String> mes = Set.of("factory-mes");
        for (String[] request : new String[][] { { "GET", "/api/lines" }, { "GET", "/api/lines/DE-1" },
                { "POST", "/api/lines/DE-1/status-reports" }, { "GET", "/api/lines/DE-1/status-reports" },
                { "GET", "/api/lines/DE-1/status-reports/r-1" }, { "GET", "/api/lines/DE-1/oee" } }) {
            assertThat(table.find(request[0], PathPattern.split(request[1])).admits(mes)).as(request[1]).isTrue();
        }
        for (String[] request : new String[][] { { "PUT", "/api/lines/DE-1" }, { "GET", "/api/lines/DE-1/history" },
                { "GET", "/api/lines/DE-1/allocations" }, { "POST", "/api/licences/requests" },
                { "GET", "/api/licences" }, { "GET", "/api/factories" }, { "GET", "/api/technologies" },
                { "GET", "/api/orders" }, { "GET", "/api/lines/DE-1/output" } }) {
            assertThat(table.find(request[0], PathPattern.split(request[1])).admits(mes)).as(request[1]).isFalse();
        }
        assertThat(table.find("GET", PathPattern.split("/api/licences/unlicensed-output"))
                .admits(Set.of("manufacturer"))).isFalse();
    }

    @Test
    void patternsCoverOpenApiTemplates() {
        assertThat(PathPattern.of("/api/lines/{lineId}/oee").covers("/api/lines/{id}/oee")).isTrue();
        assertThat(PathPattern.of("/api/lines/{lineId}/**").covers("/api/lines/{id}")).isTrue();
        assertThat(PathPattern.of("/api/licences/requests").covers("/api/licences/{id}")).isFalse();
        assertThat(PathPattern.of("/api/licences/{id}/grant|revoke").covers("/api/licences/{id}/revoke")).isTrue();
        assertThat(PathPattern.of("/api/licences/{id}/grant|revoke").covers("/api/licences/{id}/{action}")).isFalse();
    }

    @Test
    void splitsPathsIgnoringEmptySegments() {
        assertThat(PathPattern.split("/api/lines")).containsExactly("api", "lines");
        assertThat(PathPattern.split("//api//lines/")).containsExactly("api", "lines");
        assertThat(PathPattern.split("/")).isEmpty();
    }
}
