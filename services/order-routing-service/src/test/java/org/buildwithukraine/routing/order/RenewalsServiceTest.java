package org.buildwithukraine.routing.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.routing.Fixtures.asDesk;
import static org.buildwithukraine.routing.Fixtures.order;
import static org.buildwithukraine.routing.Fixtures.place;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.events.licence.LicenceSnapshot;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.events.order.AllocationEventTypes;
import org.buildwithukraine.routing.Fixtures;
import org.buildwithukraine.routing.Fixtures.TestNetwork;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A factory holding an expiring licence and its successor: each allocation names the licence it draws on, in the
 * record and on the topic, and a licence amended to end earlier has the work that no longer fits re-planned.
 */
@QuarkusTest
class RenewalsServiceTest {

    @RegisterExtension
    static final TopicRecorder allocations = TopicRecorder.of(Topics.ORDER_ALLOCATIONS);

    /** One line at 10 units/day; its factory's first licence ends in 4 days, the successor in a year. */
    private static Renewal renewal(long expiringQuota) {
        TestNetwork network = TestNetwork.of(10);
        String expiring = network.licences().get(0);
        String successor = Fixtures.unique("LIC-NEXT");
        LicenceSnapshot first = Fixtures.licence(expiring, network.factories().get(0), network.technology(),
                expiringQuota);
        Fixtures.sendLicence(LicenceEventTypes.AMENDED, endingOn(first, Fixtures.TODAY.plusDays(4)));
        Fixtures.sendLicence(LicenceEventTypes.GRANTED, Fixtures.licence(successor, network.factories().get(0),
                network.technology(), 100_000));
        Fixtures.awaitLicence(expiring, l -> l.validTo.equals(Fixtures.TODAY.plusDays(4)));
        Fixtures.awaitLicence(successor, l -> l.status == LicenceStatus.GRANTED);
        return new Renewal(network, first, successor);
    }

    private record Renewal(TestNetwork network, LicenceSnapshot expiring, String successor) {
        String line() {
            return network.lines().get(0);
        }
    }

    private static LicenceSnapshot endingOn(LicenceSnapshot l, LocalDate validTo) {
        return new LicenceSnapshot(l.licenceId(), l.technologyCode(), l.technologyCategory(), l.factoryId(),
                l.activities(), l.quantityCap(), l.unitsConsumed(), l.remainingQuota(), l.validFrom(), validTo,
                l.exportTerritories(), l.status(), l.statusReason(), l.earlierRevisions());
    }

    @Test
    void anOrderIsSplitAcrossTheExpiringLicenceAndItsSuccessorAndEachPartNamesItsLicence() {
        Renewal renewal = renewal(30);
        JsonPath placed = place(order("UA_DEFENCE", renewal.network().technology(), 100, 30)).then()
                .statusCode(201).extract().jsonPath();
        String orderId = placed.getString("id");

        assertThat(placed.getString("state")).isEqualTo("ROUTED");
        List<Map<String, Object>> parts = placed.getList("allocations");
        assertThat(parts).extracting(a -> a.get("licenceId"), a -> ((Number) a.get("quantity")).longValue())
                .containsExactlyInAnyOrder(tuple(renewal.expiring().licenceId(), 30L),
                        tuple(renewal.successor(), 70L));

        List<EventEnvelope> created = allocations.awaitEvents(renewal.line(), 2);
        assertThat(created).allMatch(e -> e.type().equals(AllocationEventTypes.CREATED));
        assertThat(created).extracting(e -> e.payload().get("licenceId").asText())
                .containsExactlyInAnyOrder(renewal.expiring().licenceId(), renewal.successor());

        JsonPath decision = asDesk().get("/api/orders/{id}/decisions", orderId).then().statusCode(200).extract()
                .jsonPath();
        assertThat(decision.getList("[0].placed.licenceId")).containsExactlyInAnyOrder(
                renewal.expiring().licenceId(), renewal.successor());
        assertThat(decision.getString("[0].candidates[0].explanation"))
                .contains("draws on licence " + renewal.expiring().licenceId() + " (")
                .contains("then on licence " + renewal.successor() + " (")
                .contains("has no more quota for it");
    }

    @Test
    void aLicenceAmendedToEndEarlierHasTheWorkThatNoLongerFitsReplannedAndSaysSo() {
        Renewal renewal = renewal(100_000);
        Fixtures.sendLicence(LicenceEventTypes.AMENDED, endingOn(renewal.expiring(), Fixtures.TODAY.plusDays(60)));
        Fixtures.awaitLicence(renewal.expiring().licenceId(), l -> l.validTo.equals(Fixtures.TODAY.plusDays(60)));
        String orderId = place(order("UA_DEFENCE", renewal.network().technology(), 100, 30)).then().statusCode(201)
                .extract().path("id");
        String standing = asDesk().get("/api/orders/{id}", orderId).then().extract().path("allocations[0].id");
        assertThat((String) asDesk().get("/api/orders/{id}", orderId).then().extract()
                .path("allocations[0].licenceId")).isEqualTo(renewal.expiring().licenceId());

        Fixtures.sendLicence(LicenceEventTypes.AMENDED, endingOn(renewal.expiring(), Fixtures.TODAY.plusDays(2)));

        EventEnvelope cancelled = allocations.awaitEvent(renewal.line(),
                e -> e.type().equals(AllocationEventTypes.CANCELLED));
        assertThat(cancelled.payload().get("allocationId").asText()).isEqualTo(standing);
        assertThat(cancelled.payload().get("reason").asText()).startsWith("licence "
                + renewal.expiring().licenceId() + " (").contains("ends " + Fixtures.TODAY.plusDays(2)
                        + ": this work would finish ").endsWith("after its last day; routed again");
        await().atMost(Duration.ofSeconds(30)).until(() -> asDesk().get("/api/orders/{id}", orderId).then()
                .extract().jsonPath().getList("allocations.findAll { it.status == 'ACTIVE' }").size() == 2);

        JsonPath order = asDesk().get("/api/orders/{id}", orderId).then().extract().jsonPath();
        List<Map<String, Object>> active = order.getList("allocations.findAll { it.status == 'ACTIVE' }");
        assertThat(active).extracting(a -> a.get("licenceId")).containsExactlyInAnyOrder(
                renewal.expiring().licenceId(), renewal.successor());
        assertThat(order.getString("state")).isEqualTo("ROUTED");
        List<Map<String, Object>> decisions = asDesk().get("/api/orders/{id}/decisions", orderId).then()
                .statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> replanned = decisions.get(decisions.size() - 1);
        assertThat((String) replanned.get("trigger")).contains(LicenceEventTypes.AMENDED);
        assertThat(replanned.get("withdrawn").toString()).contains(standing).contains("after its last day");
    }
}
