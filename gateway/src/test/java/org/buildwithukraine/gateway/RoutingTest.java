package org.buildwithukraine.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.gateway.Api.PROBLEM_JSON;
import static org.buildwithukraine.gateway.Api.as;
import static org.buildwithukraine.gateway.Api.user;
import static org.buildwithukraine.gateway.RouteTable.MANUFACTURER;
import static org.buildwithukraine.gateway.RouteTable.NETWORK_ADMIN;
import static org.buildwithukraine.gateway.RouteTable.ORDER_DESK;
import static org.buildwithukraine.gateway.RouteTable.TECHNOLOGY_OFFICER;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@StubbedPlatform
class RoutingTest {

    private static final String EVERY_ROLE = "network-admin";

    @BeforeEach
    void reset() {
        StubBackends.resetAll();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/factories, factory",
            "/api/factories/de-munich, factory",
            "/api/technologies, licence",
            "/api/licences, licence",
            "/api/licences/42/audit, licence",
            "/api/orders, routing",
            "/api/orders/7/decisions, routing",
            "/api/orders/work-under-licence/42, routing",
            "/api/lines/DE-MUC-01, de",
            "/api/lines/DE-MUC-01/status-reports, de",
            "/api/lines/DE-MUC-01/oee, de",
            "/api/lines/UK-BRS-01, uk",
            "/api/lines/UK-BRS-01/allocations, uk" })
    void routesEachPathToItsBackendWithThePathUnchanged(String path, String backend) {
        var caller = user("everyone", MANUFACTURER, TECHNOLOGY_OFFICER, ORDER_DESK, NETWORK_ADMIN);
        as(caller).get(path).then()
                .statusCode(200)
                .header("X-Stub-Backend", backend)
                .body("uri", equalTo(path));
        assertThat(StubBackends.stub(backend).received()).hasSize(1);
    }

    @Test
    void lineIdsOfNoRegionAreNotFound() {
        as(user("admin", EVERY_ROLE)).get("/api/lines/FR-PAR-01").then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404))
                .body("detail", containsString("FR-PAR-01"));
        as(user("admin", EVERY_ROLE)).contentType(ContentType.JSON).body("{}").put("/api/lines/de-muc-01").then()
                .statusCode(404).contentType(PROBLEM_JSON);
        StubBackends.REGIONS.forEach(region -> assertThat(StubBackends.stub(region).received()).isEmpty());
    }

    @Test
    void aBatchOfReportsGoesToTheRegionItsPathNames() {
        String body = "{\"reports\":[]}";
        as(user("mes", RouteTable.FACTORY_MES)).contentType(ContentType.JSON).body(body)
                .post("/api/regions/uk/status-reports").then()
                .statusCode(200)
                .header("X-Stub-Backend", "uk")
                .body("uri", equalTo("/api/regions/uk/status-reports"));
        as(user("mes", RouteTable.FACTORY_MES)).contentType(ContentType.JSON).body(body)
                .post("/api/regions/fr/status-reports").then()
                .statusCode(404).contentType(PROBLEM_JSON).body("detail", containsString("fr"));
        assertThat(StubBackends.stub("uk").received()).hasSize(1);
        assertThat(StubBackends.stub("de").received()).isEmpty();
    }

    @Test
    void passesQueryAndBodyOnUnchanged() {
        String body = "{\"id\":\"de-munich\",\"name\":\"Munich plant\",\"country\":\"DE\"}";
        as(user("admin", NETWORK_ADMIN)).urlEncodingEnabled(false).contentType(ContentType.JSON).body(body)
                .post("/api/factories?dryRun=true&x=%C3%A4").then()
                .statusCode(200)
                .body("uri", equalTo("/api/factories?dryRun=true&x=%C3%A4"))
                .body("method", equalTo("POST"));
        var received = StubBackends.stub("factory").last();
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.headers().get("Content-Type")).startsWith("application/json");
        assertThat(received.headers().get("Content-Length")).isEqualTo(Integer.toString(body.length()));
    }

    @Test
    void regionsAnswerWithoutBodiesToo() {
        as(user("admin", NETWORK_ADMIN)).contentType(ContentType.JSON).body("")
                .post("/api/lines/UK-BRS-01/retire").then()
                .statusCode(200)
                .header("X-Stub-Backend", "uk");
        assertThat(StubBackends.stub("uk").last().headers().get("Content-Length")).isEqualTo("0");
    }

    @Test
    void listsTheLinesOfAllRegionsAsOnePageWithTheFiltersPassedToEach() {
        as(user("desk", ORDER_DESK)).get("/api/lines").then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("items.id", contains("DE-MUC-01", "DE-MUC-02", "DE-MUC-03", "DE-MUC-04", "DE-MUC-05",
                        "UK-BRS-01", "UK-BRS-02", "UK-BRS-03"))
                .body("total", equalTo(8))
                .body("page", equalTo(0))
                .body("size", equalTo(20));

        StubBackends.resetAll();
        as(user("desk", ORDER_DESK)).get("/api/lines?factoryId=uk-bristol&state=RUNNING").then()
                .statusCode(200)
                .body("items.id", contains("UK-BRS-01", "UK-BRS-02", "UK-BRS-03"))
                .body("total", equalTo(3));
        for (String region : StubBackends.REGIONS) {
            assertThat(StubBackends.stub(region).received()).singleElement()
                    .satisfies(r -> assertThat(r.uri()).isEqualTo("/api/lines?factoryId=uk-bristol&state=RUNNING"));
        }
    }

    @Test
    void pagesRunAcrossRegionsInIdOrder() {
        var desk = user("desk", ORDER_DESK);
        as(desk).get("/api/lines?size=3").then()
                .body("items.id", contains("DE-MUC-01", "DE-MUC-02", "DE-MUC-03")).body("total", equalTo(8));
        as(desk).get("/api/lines?size=3&page=1").then()
                .body("items.id", contains("DE-MUC-04", "DE-MUC-05", "UK-BRS-01"))
                .body("page", equalTo(1)).body("size", equalTo(3)).body("total", equalTo(8));
        as(desk).get("/api/lines?page=2&size=3").then()
                .body("items.id", contains("UK-BRS-02", "UK-BRS-03"));
        as(desk).get("/api/lines?page=3&size=3").then()
                .body("items", org.hamcrest.Matchers.empty()).body("total", equalTo(8));
        // page 1 of the network holds uk's page 0, which the gateway asked for in a second round
        assertThat(StubBackends.stub("uk").received()).extracting(StubBackends.Received::uri)
                .contains("/api/lines?size=3&page=1", "/api/lines?size=3&page=0");
    }

    @Test
    void answersWithoutBodyStayWithoutBody() {
        as(user("admin", NETWORK_ADMIN)).delete("/api/factories/de-munich").then()
                .statusCode(204)
                .header("Transfer-Encoding", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        as(user("admin", EVERY_ROLE)).get("/api/warehouses").then()
                .statusCode(404).contentType(PROBLEM_JSON).body("status", equalTo(404));
        as(user("admin", EVERY_ROLE)).delete("/api/lines").then()
                .statusCode(405).contentType(PROBLEM_JSON).header("Allow", "GET");
        given().get("/elsewhere").then().statusCode(404);
    }
}
