package org.buildwithukraine.routing.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.routing.Fixtures.as;
import static org.buildwithukraine.routing.Fixtures.asDesk;
import static org.buildwithukraine.routing.Fixtures.order;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.order.OrderEventTypes;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.routing.Fixtures;
import org.buildwithukraine.routing.Fixtures.TestNetwork;
import org.buildwithukraine.testsupport.TestTokens;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Validation with field errors, Idempotency-Key, roles, and errors as problem+json. */
@QuarkusTest
class OrderRequestsTest {

    @RegisterExtension
    static final TopicRecorder orderEvents = TopicRecorder.of(Topics.ORDER_EVENTS);

    @Test
    void everyInvalidFieldIsReportedAtOnceAndNothingIsStored() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("customerClass", "ALLIES");
        bad.put("customer", "");
        bad.put("technologyCode", "ua fpv");
        bad.put("quantity", 0);
        bad.put("neededBy", Fixtures.TODAY.minusDays(1).toString());
        bad.put("destinationCountry", "XX");
        long before = orderCount();

        asDesk().header("Idempotency-Key", UUID.randomUUID().toString()).body(bad).post("/api/orders").then()
                .statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", equalTo(List.of("customer", "customerClass", "destinationCountry",
                        "neededBy", "quantity", "technologyCode")));
        assertThat(orderCount()).isEqualTo(before);
    }

    @Test
    void exportsNeedDestinationAndExportCentreAndOtherOrdersHaveNeither() {
        Map<String, Object> export = order("EXPORT", "UA-FPV-7", 10, 30);
        asDesk().header("Idempotency-Key", UUID.randomUUID().toString()).body(export).post("/api/orders").then()
                .statusCode(400).body("errors.field", equalTo(List.of("destinationCountry", "exportCentreId")))
                .body("errors.message", hasItem("is required for an EXPORT order"));

        Map<String, Object> domestic = Fixtures.exportOrder("UA-FPV-7", 10, 30, "LV", "lv-riga");
        domestic.put("customerClass", "UA_DEFENCE");
        asDesk().header("Idempotency-Key", UUID.randomUUID().toString()).body(domestic).post("/api/orders").then()
                .statusCode(400).body("errors.field", equalTo(List.of("destinationCountry", "exportCentreId")))
                .body("errors.message", hasItem("is for EXPORT orders only"));
    }

    @Test
    void malformedValuesAreFieldErrorsNotServerErrors() {
        asDesk().header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"customerClass\":\"UA_DEFENCE\",\"customer\":\"x\",\"technologyCode\":\"UA-FPV-7\","
                        + "\"quantity\":5,\"neededBy\":\"2026-13-45\"}")
                .post("/api/orders").then().statusCode(400).body("errors[0].field", equalTo("neededBy"));
        asDesk().header("Idempotency-Key", UUID.randomUUID().toString()).body("{not json")
                .post("/api/orders").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anIdempotencyKeyIsRequired() {
        asDesk().body(order("UA_DEFENCE", "UA-FPV-7", 10, 30)).post("/api/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void theSameKeyAndBodyGetTheSameAnswerAndOneOrder() {
        TestNetwork network = TestNetwork.of(10);
        Map<String, Object> order = order("UA_DEFENCE", network.technology(), 40, 30);
        String key = UUID.randomUUID().toString();

        String first = asDesk().header("Idempotency-Key", key).body(order).post("/api/orders").then()
                .statusCode(201).extract().asString();
        var again = asDesk().header("Idempotency-Key", key).body(order).post("/api/orders").then()
                .statusCode(201).extract();
        assertThat(again.asString()).isEqualTo(first);
        assertThat(again.header("Location")).endsWith("/api/orders/" + again.path("id"));
        asDesk().queryParam("technologyCode", network.technology()).get("/api/orders").then()
                .body("total", equalTo(1));

        Map<String, Object> other = order("UA_DEFENCE", network.technology(), 41, 30);
        asDesk().header("Idempotency-Key", key).body(other).post("/api/orders").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", startsWith("Idempotency-Key " + key + " was already used for a different request"));
        asDesk().queryParam("technologyCode", network.technology()).get("/api/orders").then()
                .body("total", equalTo(1));

        // received once: by the time its cancellation is out, no second OrderReceived came before it
        String id = again.path("id");
        asDesk().body(Map.of("reason", "test over")).post("/api/orders/{id}/cancel", id).then().statusCode(200);
        orderEvents.awaitEvent(id, event -> event.type().equals(OrderEventTypes.CANCELLED));
        assertThat(orderEvents.eventsFor(id)).extracting(EventEnvelope::type)
                .containsOnlyOnce(OrderEventTypes.RECEIVED, OrderEventTypes.CANCELLED);
    }

    @Test
    void aMalformedIdempotencyKeyIsNamedAndPlacesNothing() {
        TestNetwork network = TestNetwork.of(10);
        asDesk().header("Idempotency-Key", "two words").body(order("UA_DEFENCE", network.technology(), 5, 30))
                .post("/api/orders").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
        asDesk().queryParam("technologyCode", network.technology()).get("/api/orders").then()
                .body("total", equalTo(0));
    }

    @Test
    void onlyTheOrderDeskWorksWithOrders() {
        Map<String, Object> order = order("UA_DEFENCE", "UA-FPV-7", 10, 30);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k1").body(order).post("/api/orders").then()
                .statusCode(401).contentType("application/problem+json");
        as(TestTokens.user("desk", Roles.ORDER_DESK).expired().bearer()).get("/api/orders").then().statusCode(401);
        as(TestTokens.user("desk", Roles.ORDER_DESK).signedByForeignKey().bearer()).get("/api/orders").then()
                .statusCode(401);
        as(TestTokens.user("maker-de", Roles.MANUFACTURER).factory("de-munich").bearer())
                .header("Idempotency-Key", "k2").body(order).post("/api/orders").then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.user("officer", Roles.TECHNOLOGY_OFFICER).bearer()).get("/api/orders").then().statusCode(403);
        as(TestTokens.user("ops", Roles.OPERATOR).bearer()).get("/api/orders/{id}/decisions", "x").then()
                .statusCode(403);
    }

    @Test
    void unknownOrdersAreNotFound() {
        asDesk().get("/api/orders/{id}", "no-such-order").then().statusCode(404)
                .contentType("application/problem+json");
        asDesk().get("/api/orders/{id}/decisions", "no-such-order").then().statusCode(404);
        asDesk().post("/api/orders/{id}/cancel", "no-such-order").then().statusCode(404);
    }

    private static long orderCount() {
        return QuarkusTransaction.requiringNew().call(() -> CustomerOrder.count());
    }
}
