package org.buildwithukraine.factory.ops;

import static io.restassured.RestAssured.given;
import static org.buildwithukraine.factory.Requests.asNetworkAdmin;
import static org.buildwithukraine.factory.Requests.factory;
import static org.buildwithukraine.factory.Requests.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.buildwithukraine.testsupport.PostgresOutageResource;
import org.buildwithukraine.testsupport.TcpLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The database taken away from a running service (every connection reset, new ones refused) and given back:
 * every request in between is a 503 problem with {@code Retry-After} and changes nothing, readiness goes DOWN,
 * and once the database is back the same requests pass without a restart.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ThroughCuttableLink.class)
class DatabaseOutageTest {

    /** Its own boot: the datasource goes through a link this test can cut; nothing else changes. */
    public static class ThroughCuttableLink implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresOutageResource.class));
        }
    }

    @PostgresOutageResource.Link
    TcpLink database;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @AfterEach
    void databaseBack() {
        database.restore();
    }

    @Test
    void readsAnd503WithRetryAfterWhileTheDatabaseIsDownAndPassOnceItIsBack() {
        String id = uniqueId("outage-read");
        asNetworkAdmin().body(factory(id)).post("/api/factories").then().statusCode(201);

        database.cut();
        for (int attempt = 0; attempt < 3; attempt++) {
            asNetworkAdmin().get("/api/factories/{id}", id).then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("status", equalTo(503)).body("title", equalTo("Service unavailable"));
        }
        given().port(management.getPort()).get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"));

        database.restore();
        given().port(management.getPort()).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"));
        asNetworkAdmin().get("/api/factories/{id}", id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aWriteRefusedWhileTheDatabaseIsDownChangesNothingAndPassesWhenSentAgain() {
        String id = uniqueId("outage-write");
        Map<String, Object> body = factory(id);

        database.cut();
        asNetworkAdmin().body(body).post("/api/factories").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "5")
                .body("detail", startsWith("The database cannot be reached"));

        database.restore();
        asNetworkAdmin().get("/api/factories/{id}", id).then().statusCode(404);
        asNetworkAdmin().body(body).post("/api/factories").then().statusCode(201);
    }
}
