package org.buildwithukraine.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.events.order.CustomerClass.PARTNER_DEFENCE;
import static org.buildwithukraine.events.order.CustomerClass.UA_DEFENCE;
import static org.buildwithukraine.routing.engine.Scenario.NOW;

import java.time.Instant;
import java.util.Set;

import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;
import org.junit.jupiter.api.Test;

/** Re-routing after the network changed: unproduced work leaves lines that may no longer build it, and waits no more. */
class ReroutingTest {

    private static final String FPV = "UA-FPV-7";

    /** DE-MUC-01 is faster, so orders land there first; UK-BRS-01 is the fallback. */
    private static Scenario network() {
        return new Scenario().factory("de-munich").factory("uk-bristol").exportCentre("lv-riga")
                .line("DE-MUC-01", "de-munich", FPV, 20)
                .line("UK-BRS-01", "uk-bristol", FPV, 10)
                .exportLicence("L-DE", "de-munich", FPV, 100_000, "LV", "LT")
                .exportLicence("L-UK", "uk-bristol", FPV, 100_000, "LV", "LT");
    }

    @Test
    void aLineGoingDownHasItsWorkMovedToAnotherEligibleLine() {
        Scenario scenario = network();
        Order order = scenario.order(UA_DEFENCE, FPV, 100, 30);
        scenario.receive(order);
        assertThat(scenario.placedOn(order.id(), "DE-MUC-01")).isEqualTo(100);

        scenario.lineState("DE-MUC-01", LineState.DOWN, DowntimeReason.BREAKDOWN, Instant.parse("2026-11-20T10:42:00Z"));
        RoutingResult result = scenario.reroute();

        OrderDecision decision = result.decisionFor(order.id());
        assertThat(decision.withdrawn()).singleElement().extracting(Withdrawal::reason)
                .isEqualTo("line DOWN since 10:42 UTC (breakdown)");
        assertThat(decision.created()).singleElement().satisfies(a -> {
            assertThat(a.lineId()).isEqualTo("UK-BRS-01");
            assertThat(a.quantity()).isEqualTo(100);
        });
        assertThat(decision.outcome()).isEqualTo(Outcome.PLACED);
        assertThat(scenario.on("DE-MUC-01")).isEmpty();
    }

    @Test
    void unitsAlreadyBuiltStayBuiltAndOnlyTheRestMoves() {
        Scenario scenario = network();
        Order order = scenario.order(UA_DEFENCE, FPV, 100, 30);
        scenario.receive(order);
        scenario.produce(scenario.allocationsOf(order.id()).get(0).id(), 30);

        scenario.lineState("DE-MUC-01", LineState.MAINTENANCE, null, NOW);
        OrderDecision decision = scenario.reroute().decisionFor(order.id());

        assertThat(decision.created()).singleElement().extracting(Allocation::quantity).isEqualTo(70L);
        assertThat(decision.unplaced()).isZero();
    }

    @Test
    void workWithNowhereToGoWaitsInTheQueue() {
        Scenario scenario = network().lineState("UK-BRS-01", LineState.RETOOLING, null, NOW);
        Order order = scenario.order(PARTNER_DEFENCE, FPV, 100, 30);
        scenario.receive(order);

        scenario.lineState("DE-MUC-01", LineState.DOWN, DowntimeReason.POWER, NOW);
        OrderDecision decision = scenario.reroute().decisionFor(order.id());
        assertThat(decision.outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(decision.unplaced()).isEqualTo(100);
        assertThat(scenario.active).isEmpty();
    }

    @Test
    void aSuspendedLicenceMovesTheWorkPlacedUnderIt() {
        Scenario scenario = network();
        Order order = scenario.order(UA_DEFENCE, FPV, 100, 30);
        scenario.receive(order);

        scenario.licenceStatus("L-DE", LicenceStatus.SUSPENDED, "quality audit", NOW);
        OrderDecision decision = scenario.reroute().decisionFor(order.id());
        assertThat(decision.withdrawn()).singleElement().extracting(Withdrawal::reason)
                .isEqualTo("licence L-DE (UA-FPV-7 for de-munich) suspended 2026-11-20: quality audit");
        assertThat(decision.created()).singleElement().extracting(Allocation::lineId).isEqualTo("UK-BRS-01");
    }

    @Test
    void revokedExpiredAndExhaustedLicencesMoveTheirWorkToo() {
        for (LicenceStatus status : Set.of(LicenceStatus.REVOKED, LicenceStatus.EXPIRED, LicenceStatus.EXHAUSTED)) {
            Scenario scenario = network();
            Order order = scenario.order(UA_DEFENCE, FPV, 100, 30);
            scenario.receive(order);
            scenario.licenceStatus("L-DE", status, "by the officer", NOW);
            assertThat(scenario.reroute().decisionFor(order.id()).created()).as("after %s", status)
                    .singleElement().extracting(Allocation::lineId).isEqualTo("UK-BRS-01");
        }
    }

    @Test
    void aSuspendedFactoryHasAllItsLinesEmptied() {
        Scenario scenario = network().line("DE-MUC-02", "de-munich", FPV, 15);
        Order first = scenario.order(UA_DEFENCE, FPV, 100, 30);
        Order second = scenario.order(UA_DEFENCE, FPV, 100, 30);
        scenario.receive(first, second);
        assertThat(scenario.on("DE-MUC-01")).isNotEmpty();
        assertThat(scenario.on("DE-MUC-02")).isNotEmpty();

        scenario.factoryStatus("de-munich", FactoryStatus.SUSPENDED, "export-control audit", NOW);
        RoutingResult result = scenario.reroute();
        assertThat(result.withdrawn()).hasSize(2).allSatisfy(w -> assertThat(w.reason())
                .isEqualTo("factory de-munich suspended 2026-11-20: export-control audit"));
        assertThat(scenario.on("UK-BRS-01")).extracting(Allocation::quantity).containsExactly(100L, 100L);
    }

    @Test
    void anExportWhoseDestinationIsNoLongerPermittedLeavesItsLine() {
        Scenario scenario = network();
        Order export = scenario.export(FPV, 50, 30, "LT", "lv-riga");
        scenario.receive(export);
        scenario.licenceTerritories("L-DE", Set.of("LV"));

        OrderDecision decision = scenario.reroute().decisionFor(export.id());
        assertThat(decision.withdrawn()).singleElement().extracting(Withdrawal::reason)
                .isEqualTo("no export permission for LT: licence L-DE (UA-FPV-7 for de-munich) allows LV");
        assertThat(decision.created()).singleElement().extracting(Allocation::lineId).isEqualTo("UK-BRS-01");
    }

    @Test
    void aReducedQuotaTakesBackTheLowestRankedWorkFirst() {
        Scenario scenario = network();
        scenario.licences.remove("L-UK");
        Order ukraine = scenario.order(UA_DEFENCE, FPV, 100, 30);
        Order export = scenario.export(FPV, 100, 30, "LV", "lv-riga");
        scenario.receive(ukraine, export);

        scenario.licenceCap("L-DE", 150);
        RoutingResult result = scenario.reroute();
        assertThat(result.withdrawn()).singleElement().satisfies(w -> {
            assertThat(w.allocation().orderId()).isEqualTo(export.id());
            assertThat(w.reason()).isEqualTo(
                    "licence L-DE (UA-FPV-7 for de-munich) has only 150 units of quota left for the work placed under it");
        });
        assertThat(result.decisionFor(export.id()).created()).singleElement().extracting(Allocation::quantity)
                .isEqualTo(50L);
        assertThat(scenario.outstandingUnder("L-DE")).isEqualTo(150);
    }

    @Test
    void aReducedCapacityTakesBackTheLowestRankedWorkFirst() {
        Scenario scenario = network().lineState("UK-BRS-01", LineState.DOWN, DowntimeReason.OTHER, NOW);
        Order partner = scenario.order(PARTNER_DEFENCE, FPV, 300, 30);
        Order ukraine = scenario.order(UA_DEFENCE, FPV, 200, 30);
        scenario.receive(partner, ukraine);

        scenario.lineCapacity("DE-MUC-01", 10);
        RoutingResult result = scenario.reroute();
        assertThat(result.withdrawn()).singleElement().extracting(w -> w.allocation().orderId())
                .isEqualTo(partner.id());
        assertThat(scenario.outstandingOn("DE-MUC-01")).isEqualTo(300);
        assertThat(scenario.unplaced.get(partner.id())).isEqualTo(200);
    }

    @Test
    void whenCapacityAppearsWaitingOrdersArePlacedHighestClassFirst() {
        Scenario scenario = network().lineState("UK-BRS-01", LineState.DOWN, DowntimeReason.OTHER, NOW)
                .lineState("DE-MUC-01", LineState.DOWN, DowntimeReason.POWER, NOW);
        Order export = scenario.export(FPV, 300, 10, "LV", "lv-riga");
        Order partner = scenario.order(PARTNER_DEFENCE, FPV, 300, 20);
        Order ukraine = scenario.order(UA_DEFENCE, FPV, 300, 30);
        scenario.receive(export);
        scenario.receive(partner);
        scenario.receive(ukraine);
        assertThat(scenario.active).isEmpty();

        scenario.lineState("DE-MUC-01", LineState.RUNNING, null, NOW);
        RoutingResult result = scenario.reroute();

        assertThat(result.decisions()).extracting(OrderDecision::orderId)
                .containsExactly(ukraine.id(), partner.id());
        assertThat(result.decisionFor(ukraine.id()).created().get(0).plannedStart()).isEqualTo(NOW);
        assertThat(scenario.unplaced.get(ukraine.id())).isZero();
        assertThat(scenario.unplaced.get(partner.id())).isZero();
        assertThat(scenario.unplaced.get(export.id())).isEqualTo(300);
    }

    @Test
    void nothingChangesWhenNothingNeedsTo() {
        Scenario scenario = network();
        scenario.receive(scenario.order(UA_DEFENCE, FPV, 100, 30), scenario.export(FPV, 20, 30, "LV", "lv-riga"));
        RoutingResult result = scenario.reroute();
        assertThat(result.created()).isEmpty();
        assertThat(result.withdrawn()).isEmpty();
        assertThat(result.decisions()).isEmpty();
    }
}
