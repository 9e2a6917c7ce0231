package org.buildwithukraine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.e2e.Api.asUser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The demo data of the brief, as up.sh loads it through the gateway on top of whatever is there. */
@Order(3)
@DisplayName("up.sh: demo data, and running it again")
class DemoDataIT {

    @Test
    @DisplayName("up.sh adds the demo data that is missing; run again on a running platform it changes nothing")
    void demoDataIdempotent() {
        Platform.get().up(true);
        Instant start = Instant.now();
        String again = Platform.get().up(true);
        Duration took = Duration.between(start, Instant.now());

        assertThat(again).contains("demo data: 0 changes made");
        assertThat(took).as("up.sh on a running platform").isLessThan(Duration.ofSeconds(60));

        asUser("desk").queryParam("kind", "EXPORT_CENTRE").queryParam("size", 100).get("/api/factories")
                .then().statusCode(200).body("items.id", hasItems("ee-tallinn", "lv-riga", "lt-vilnius",
                        "lt-klaipeda", "fi-helsinki", "se-gothenburg", "no-oslo", "dk-aarhus", "is-reykjavik",
                        "pl-rzeszow"));
        asUser("desk").get("/api/factories/{id}", "de-munich").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        asUser("desk").get("/api/technologies").then().statusCode(200)
                .body("items.code", hasItems(MissionIT.FPV, MissionIT.RECON));
        asUser("desk").get("/api/lines").then().statusCode(200)
                .body("items.lineId", hasItems("DE-MUC-01", "DE-MUC-02", "UK-BRS-01"));
        for (List<String> pairing : List.of(List.of("de-munich", MissionIT.FPV), List.of("uk-bristol", MissionIT.RECON))) {
            asUser("officer").queryParam("factoryId", pairing.get(0)).queryParam("technologyCode", pairing.get(1))
                    .get("/api/licences").then().statusCode(200).body("items.size()", equalTo(1));
        }
    }
}
