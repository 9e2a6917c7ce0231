package org.buildwithukraine.factory.rest;

import static org.buildwithukraine.factory.Requests.asNetworkAdmin;
import static org.buildwithukraine.factory.Requests.changeStatus;
import static org.buildwithukraine.factory.Requests.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FactoryQueryTest {

    /** Country of this test's factories; no other test registers factories there. */
    private static final String COUNTRY = "LT";
    private static final List<String> CENTRES = new ArrayList<>();
    private static String manufacturer;

    @BeforeEach
    void network() {
        if (manufacturer != null) {
            return;
        }
        for (int i = 0; i < 5; i++) {
            String id = uniqueId("lt-vilnius-" + i);
            asNetworkAdmin().body(Map.of("id", id, "name", "Export centre " + i, "country", COUNTRY,
                    "kind", "EXPORT_CENTRE")).post("/api/factories").then().statusCode(201);
            CENTRES.add(id);
        }
        manufacturer = uniqueId("lt-kaunas");
        asNetworkAdmin().body(Map.of("id", manufacturer, "name", "Kaunas works", "country", COUNTRY,
                "kind", "MANUFACTURER", "capabilities", List.of("FPV_DRONE"))).post("/api/factories").then()
                .statusCode(201);
        changeStatus(manufacturer, "ACTIVE", "onboarded").statusCode(200);
        CENTRES.sort(null);
    }

    @Test
    void filtersCombine() {
        asNetworkAdmin().queryParam("country", COUNTRY).get("/api/factories").then().statusCode(200)
                .body("total", equalTo(6));
        asNetworkAdmin().queryParam("country", COUNTRY).queryParam("kind", "EXPORT_CENTRE").get("/api/factories")
                .then().statusCode(200).body("total", equalTo(5)).body("items.kind", everyItem(equalTo("EXPORT_CENTRE")));
        asNetworkAdmin().queryParam("country", COUNTRY).queryParam("status", "ACTIVE").get("/api/factories")
                .then().statusCode(200).body("items.id", contains(manufacturer));
        asNetworkAdmin().queryParam("status", "ACTIVE").get("/api/factories").then().statusCode(200)
                .body("items.status", everyItem(equalTo("ACTIVE")));
    }

    @Test
    void pagesAreOrderedById() {
        asNetworkAdmin().queryParam("country", COUNTRY).queryParam("kind", "EXPORT_CENTRE")
                .queryParam("size", 2).queryParam("page", 1).get("/api/factories").then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(5))
                .body("items.id", contains(CENTRES.get(2), CENTRES.get(3)));
        asNetworkAdmin().queryParam("country", COUNTRY).queryParam("page", 9).get("/api/factories").then()
                .statusCode(200).body("items", hasSize(0)).body("total", equalTo(6));
    }

    @Test
    void badFiltersAreNamed() {
        asNetworkAdmin().queryParam("country", "Lithuania").queryParam("kind", "SHED").queryParam("status", "OK")
                .queryParam("size", 1000).queryParam("page", -1).get("/api/factories").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("country", "kind", "page", "size", "status"));
        asNetworkAdmin().queryParam("page", "first").get("/api/factories").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownFactoryIsNotFound() {
        asNetworkAdmin().get("/api/factories/{id}", "xx-nowhere").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        asNetworkAdmin().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listingShowsEveryField() {
        asNetworkAdmin().queryParam("country", COUNTRY).queryParam("kind", "MANUFACTURER").get("/api/factories")
                .then().statusCode(200)
                .body("items[0].name", equalTo("Kaunas works"))
                .body("items[0].capabilities", hasItem("FPV_DRONE"))
                .body("items[0].statusReason", equalTo("onboarded"));
    }
}
