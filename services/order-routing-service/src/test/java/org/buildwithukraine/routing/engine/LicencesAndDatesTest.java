package org.buildwithukraine.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.groups.Tuple.tuple;
import static org.buildwithukraine.events.order.CustomerClass.EXPORT;
import static org.buildwithukraine.events.order.CustomerClass.PARTNER_DEFENCE;
import static org.buildwithukraine.events.order.CustomerClass.UA_DEFENCE;
import static org.buildwithukraine.routing.engine.Scenario.NOW;
import static org.buildwithukraine.routing.engine.Scenario.TODAY;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.buildwithukraine.events.licence.LicenceStatus;
import org.junit.jupiter.api.Test;

/**
 * Several licences per factory and technology (renewals overlap), nothing planned past a licence's last day, the
 * earlier needed-by date first within a class across time, and orders the engine cannot judge.
 */
class LicencesAndDatesTest {

    private static final String FPV = "UA-FPV-7";

    /** One line at 10 units/day; its factory holds an expiring licence and its successor. */
    private static Scenario renewal(int oldEndsInDays, long oldQuota) {
        return new Scenario().factory("de-munich").exportCentre("lv-riga")
                .line("DE-MUC-01", "de-munich", FPV, 10)
                .exportLicence("L-OLD", "de-munich", FPV, oldQuota, "LV")
                .licenceValidity("L-OLD", TODAY.minusDays(300), TODAY.plusDays(oldEndsInDays))
                .exportLicence("L-NEW", "de-munich", FPV, 10_000, "LV")
                .licenceValidity("L-NEW", TODAY.minusDays(1), TODAY.plusDays(400));
    }

    private static Instant endOf(Scenario scenario, String licenceId) {
        return scenario.licences.get(licenceId).validTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static CandidateLine line(OrderDecision decision) {
        return decision.candidates().stream().filter(c -> c.lineId().equals("DE-MUC-01")).findFirst().orElseThrow();
    }

    // ---- several licences ----

    @Test
    void buildsUnderTheLicenceEndingSoonestWhenBothFit() {
        Scenario scenario = renewal(60, 1_000);
        Order order = scenario.order(UA_DEFENCE, FPV, 100, 30);
        OrderDecision decision = scenario.receive(order).decisionFor(order.id());

        assertThat(decision.created()).extracting(Allocation::licenceId, Allocation::quantity)
                .containsExactly(tuple("L-OLD", 100L));
        assertThat(line(decision).licenceId()).isEqualTo("L-OLD");
        assertThat(line(decision).explanation()).endsWith("finishes soonest, before needed-by " + TODAY.plusDays(30)
                + "; draws on licence L-OLD (UA-FPV-7 for de-munich) for 100 units, the one ending soonest ("
                + TODAY.plusDays(60) + "); licence L-NEW (UA-FPV-7 for de-munich) not drawn on: the licences ending"
                + " sooner cover this line's share");
    }

    @Test
    void movesToTheSuccessorWhenTheExpiringLicencesQuotaRunsOut() {
        Scenario scenario = renewal(60, 40);
        Order order = scenario.order(UA_DEFENCE, FPV, 100, 30);
        OrderDecision decision = scenario.receive(order).decisionFor(order.id());

        assertThat(decision.outcome()).isEqualTo(Outcome.PLACED);
        assertThat(decision.created()).extracting(Allocation::licenceId, Allocation::quantity)
                .containsExactly(tuple("L-OLD", 40L), tuple("L-NEW", 60L));
        assertThat(line(decision).quantity()).isEqualTo(100);
        assertThat(line(decision).explanation()).contains("then on licence L-NEW (UA-FPV-7 for de-munich) for 60"
                + " units, ending " + TODAY.plusDays(400) + ": licence L-OLD (UA-FPV-7 for de-munich) has no more"
                + " quota for it");
    }

    @Test
    void splitsAtTheExpiringLicencesLastDayAndBuildsItsPartFirst() {
        Scenario scenario = renewal(4, 1_000);
        Order order = scenario.order(UA_DEFENCE, FPV, 100, 30);
        OrderDecision decision = scenario.receive(order).decisionFor(order.id());

        // from 10:00 today to the end of the old licence's last day: 4 days and 14 hours at 10 a day
        assertThat(decision.created()).extracting(Allocation::licenceId, Allocation::quantity)
                .containsExactly(tuple("L-OLD", 45L), tuple("L-NEW", 55L));
        Allocation expiring = decision.created().get(0);
        Allocation successor = decision.created().get(1);
        assertThat(expiring.plannedStart()).isEqualTo(NOW);
        assertThat(expiring.plannedFinish()).isBeforeOrEqualTo(endOf(scenario, "L-OLD"));
        assertThat(successor.plannedStart()).isEqualTo(expiring.plannedFinish());
        assertThat(line(decision).explanation()).contains("licence L-OLD (UA-FPV-7 for de-munich) ends "
                + TODAY.plusDays(4) + ", before the line could build more");
    }

    @Test
    void theOrderOfOneOrdersPartsOnALineFollowsTheLicencesEndsNotTheirIds() {
        Scenario scenario = renewal(4, 1_000);
        // ids that sort the other way round: the successor's allocation would come first by id
        scenario.licences.put("A-OLD", withId(scenario.licences.remove("L-OLD"), "Z-OLD"));
        scenario.licences.put("A-NEW", withId(scenario.licences.remove("L-NEW"), "A-NEW"));
        scenario.licences.put("Z-OLD", scenario.licences.remove("A-OLD"));
        Order order = scenario.order(UA_DEFENCE, FPV, 100, 30);
        OrderDecision decision = scenario.receive(order).decisionFor(order.id());

        Allocation expiring = decision.created().stream().filter(a -> a.licenceId().equals("Z-OLD")).findFirst()
                .orElseThrow();
        assertThat(expiring.plannedStart()).isEqualTo(NOW);
        assertThat(expiring.plannedFinish()).isBeforeOrEqualTo(endOf(scenario, "Z-OLD"));
        assertThat(scenario.reroute().withdrawn()).isEmpty();
    }

    private static Licence withId(Licence l, String id) {
        return new Licence(id, l.technologyCode(), l.factoryId(), l.activities(), l.quantityCap(), l.unitsConsumed(),
                l.validFrom(), l.validTo(), l.exportTerritories(), l.status(), l.statusReason(), l.statusSince());
    }

    @Test
    void anExportUsesTheLicencePermittingItsDestinationAndSaysWhyTheOtherWasPassedOver() {
        Scenario scenario = renewal(60, 1_000).licenceTerritories("L-OLD", Set.of("LT"));
        Order export = scenario.export(FPV, 50, 30, "LV", "lv-riga");
        OrderDecision decision = scenario.receive(export).decisionFor(export.id());

        assertThat(decision.created()).extracting(Allocation::licenceId).containsExactly("L-NEW");
        assertThat(line(decision).explanation()).contains("draws on licence L-NEW (UA-FPV-7 for de-munich) for 50"
                + " units, ending " + TODAY.plusDays(400)
                + "; passed over no export permission for LV: licence L-OLD (UA-FPV-7 for de-munich) allows LT");
    }

    @Test
    void aSuspendedLicenceDoesNotStopTheLineWhileTheOtherIsValid() {
        Scenario scenario = renewal(60, 1_000).licenceStatus("L-OLD", LicenceStatus.SUSPENDED, "audit", NOW);
        Order order = scenario.order(UA_DEFENCE, FPV, 50, 30);
        OrderDecision decision = scenario.receive(order).decisionFor(order.id());

        assertThat(decision.created()).extracting(Allocation::licenceId).containsExactly("L-NEW");
        assertThat(line(decision).explanation()).contains("passed over licence L-OLD (UA-FPV-7 for de-munich)"
                + " suspended " + TODAY + ": audit");
    }

    @Test
    void aLicencesQuotaIsSharedByEveryLineDrawingOnIt() {
        Scenario scenario = renewal(60, 50).line("DE-MUC-02", "de-munich", FPV, 10);
        Order order = scenario.order(UA_DEFENCE, FPV, 400, 20);
        scenario.receive(order);

        assertThat(scenario.outstandingUnder("L-OLD")).isEqualTo(50);
        assertThat(scenario.allocationsOf(order.id())).extracting(Allocation::licenceId).contains("L-NEW");
    }

    // ---- nothing past a licence's last day ----

    @Test
    void aLicenceAmendedToEndEarlierReplansTheWorkThatNoLongerFits() {
        Scenario scenario = renewal(60, 1_000);
        Order order = scenario.order(UA_DEFENCE, FPV, 100, 30);
        scenario.receive(order);
        assertThat(scenario.allocationsOf(order.id())).extracting(Allocation::licenceId).containsExactly("L-OLD");

        scenario.licenceValidity("L-OLD", TODAY.minusDays(300), TODAY.plusDays(4));
        RoutingResult result = scenario.reroute();

        OrderDecision decision = result.decisionFor(order.id());
        assertThat(decision.withdrawn()).singleElement().extracting(Withdrawal::reason).isEqualTo(
                "licence L-OLD (UA-FPV-7 for de-munich) ends " + TODAY.plusDays(4)
                        + ": this work would finish 2026-11-30 10:00 UTC, after its last day; routed again");
        assertThat(decision.created()).extracting(Allocation::licenceId, Allocation::quantity)
                .containsExactly(tuple("L-OLD", 45L), tuple("L-NEW", 55L));
        assertThat(decision.outcome()).isEqualTo(Outcome.PLACED);
        scenario.active.values().stream().filter(a -> a.licenceId().equals("L-OLD"))
                .forEach(a -> assertThat(a.plannedFinish()).isBeforeOrEqualTo(endOf(scenario, "L-OLD")));
    }

    @Test
    void higherRankedWorkInFrontReplansStandingWorkItPushesPastTheLicencesEnd() {
        Scenario scenario = renewal(4, 1_000);
        Order partner = scenario.order(PARTNER_DEFENCE, FPV, 40, 30);
        scenario.receive(partner);
        assertThat(scenario.allocationsOf(partner.id())).extracting(Allocation::licenceId).containsExactly("L-OLD");

        Order ukraine = scenario.order(UA_DEFENCE, FPV, 30, 30);
        RoutingResult result = scenario.receive(ukraine);

        assertThat(result.decisionFor(ukraine.id()).created()).extracting(Allocation::licenceId)
                .containsExactly("L-OLD");
        OrderDecision moved = result.decisionFor(partner.id());
        assertThat(moved.withdrawn()).singleElement().extracting(Withdrawal::reason).asString().startsWith(
                "pushed back by higher-ranked work of " + ukraine.id() + ": it would finish ");
        assertThat(moved.created()).extracting(Allocation::licenceId, Allocation::quantity)
                .containsExactly(tuple("L-OLD", 15L), tuple("L-NEW", 25L));
        scenario.active.values().stream().filter(a -> a.licenceId().equals("L-OLD"))
                .forEach(a -> assertThat(a.plannedFinish()).isBeforeOrEqualTo(endOf(scenario, "L-OLD")));
    }

    @Test
    void timePassingWithoutOutputReplansWorkAtTheNextCheck() {
        Scenario scenario = renewal(4, 1_000);
        Order order = scenario.order(UA_DEFENCE, FPV, 45, 30);
        scenario.receive(order);
        scenario.now = NOW.plus(Duration.ofDays(2));
        RoutingResult result = scenario.reroute();

        assertThat(result.decisionFor(order.id()).withdrawn()).singleElement().extracting(Withdrawal::reason)
                .asString().contains("after its last day; routed again");
        assertThat(result.decisionFor(order.id()).created()).extracting(Allocation::licenceId)
                .containsExactly("L-OLD", "L-NEW");
    }

    // ---- within a class, the earlier date first ----

    @Test
    void unstartedLaterWorkMakesWayForAnEarlierDateOfTheSameClass() {
        Scenario scenario = renewal(400, 10_000);
        Order relaxed = scenario.order(UA_DEFENCE, FPV, 300, 25);
        scenario.receive(relaxed);
        assertThat(scenario.outstandingOn("DE-MUC-01")).isEqualTo(300);

        Order urgent = scenario.order(UA_DEFENCE, FPV, 10, 1);
        RoutingResult result = scenario.receive(urgent);

        OrderDecision forUrgent = result.decisionFor(urgent.id());
        assertThat(forUrgent.outcome()).isEqualTo(Outcome.PLACED);
        assertThat(forUrgent.created().get(0).plannedStart()).isEqualTo(NOW);
        OrderDecision forRelaxed = result.decisionFor(relaxed.id());
        assertThat(forRelaxed.withdrawn()).singleElement().extracting(Withdrawal::reason).isEqualTo("made way for "
                + urgent.id() + ", also UA_DEFENCE and needed by " + TODAY.plusDays(1) + " (this order by "
                + TODAY.plusDays(25) + "), which could not meet its date otherwise: between equal priorities the"
                + " earlier needed-by date goes first; not started yet, so routed again");
        assertThat(forRelaxed.created()).extracting(Allocation::quantity).containsExactly(290L);
        assertThat(forRelaxed.outcome()).isEqualTo(Outcome.PARTIALLY_PLACED);
        assertThat(scenario.outstandingOn("DE-MUC-01")).isEqualTo(300);
    }

    @Test
    void nothingMovesWhenTheEarlierOrderMeetsItsDateAnyway() {
        Scenario scenario = renewal(400, 10_000);
        Order relaxed = scenario.order(UA_DEFENCE, FPV, 200, 25);
        scenario.receive(relaxed);
        Order urgent = scenario.order(UA_DEFENCE, FPV, 10, 1);
        RoutingResult result = scenario.receive(urgent);

        assertThat(result.withdrawn()).isEmpty();
        assertThat(result.decisionFor(urgent.id()).outcome()).isEqualTo(Outcome.PLACED);
    }

    @Test
    void nothingMovesWhenMovingWouldNotLetTheEarlierOrderMeetItsDate() {
        Scenario scenario = renewal(400, 10_000);
        Order relaxed = scenario.order(UA_DEFENCE, FPV, 300, 25);
        scenario.receive(relaxed);
        Order tooBig = scenario.order(UA_DEFENCE, FPV, 100, 1);
        RoutingResult result = scenario.receive(tooBig);

        assertThat(result.withdrawn()).isEmpty();
        assertThat(result.decisionFor(tooBig.id()).outcome()).isEqualTo(Outcome.QUEUED);
    }

    @Test
    void startedWorkDoesNotMakeWay() {
        Scenario scenario = renewal(400, 10_000);
        Order relaxed = scenario.order(UA_DEFENCE, FPV, 300, 25);
        scenario.receive(relaxed);
        scenario.produce(scenario.allocationsOf(relaxed.id()).get(0).id(), 1);
        Order urgent = scenario.order(UA_DEFENCE, FPV, 10, 1);
        RoutingResult result = scenario.receive(urgent);

        assertThat(result.withdrawn()).isEmpty();
    }

    @Test
    void anOrderRoutedAgainInThePassMayStillAskLaterWorkToMakeWay() {
        // a seeded case of the invariants test: the urgent order pushes the first order's work past LIC0's end, so
        // that order is routed again within the pass; the work it got moments before, not timed yet, counts at the
        // line's pace, and so the rest of it may take the unstarted work of the later-needed second order, as the
        // next pass would otherwise do
        Scenario scenario = new Scenario().factory("de-munich")
                .line("L0", "de-munich", FPV, 4)
                .line("L1", "de-munich", FPV, 4)
                .licence("LIC0", "de-munich", FPV, 18)
                .licenceValidity("LIC0", TODAY.minusDays(30), TODAY.plusDays(2))
                .licence("LIC1", "de-munich", FPV, 32)
                .licenceValidity("LIC1", TODAY.minusDays(30), TODAY.plusDays(7))
                .licence("LIC2", "de-munich", FPV, 17)
                .licenceValidity("LIC2", TODAY.minusDays(30), TODAY.plusDays(9));
        Order first = scenario.order(PARTNER_DEFENCE, FPV, 29, 10);
        Order later = scenario.order(PARTNER_DEFENCE, FPV, 29, 15);
        scenario.receive(first, later);
        Order urgent = scenario.order(PARTNER_DEFENCE, FPV, 26, 2);
        RoutingResult result = scenario.receive(urgent, scenario.order(PARTNER_DEFENCE, FPV, 23, 11));

        assertThat(result.decisionFor(first.id()).withdrawn()).extracting(Withdrawal::reason).asString()
                .contains("pushed back by higher-ranked work of " + urgent.id());
        assertThat(result.decisionFor(later.id()).withdrawn()).extracting(Withdrawal::reason).asString()
                .contains("made way for " + first.id());
        RoutingResult again = scenario.reroute();
        assertThat(again.created()).isEmpty();
        assertThat(again.withdrawn()).isEmpty();
    }

    // ---- orders the engine cannot judge ----

    @Test
    void anOrderWithNothingToBuildIsRejectedWithItsReason() {
        Scenario scenario = renewal(60, 1_000);
        for (long quantity : new long[] { 0, -5 }) {
            Order order = new Order("Q" + quantity, 99, UA_DEFENCE, FPV, quantity, TODAY.plusDays(10), null, null);
            scenario.record(order);
            OrderDecision decision = scenario.receive(order).decisionFor(order.id());
            assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(decision.summary()).isEqualTo("rejected: nothing to build: quantity " + quantity
                    + ", at least 1 unit needed");
            assertThat(decision.unplaced()).isZero();
            assertThat(decision.created()).isEmpty();
        }
    }

    @Test
    void anExportWithoutDestinationOrCentreIsRejectedNotAnError() {
        Scenario scenario = renewal(60, 1_000);
        Order noDestination = new Order("X1", 98, EXPORT, FPV, 10,
                TODAY.plusDays(10), null, "lv-riga");
        Order noCentre = new Order("X2", 99, EXPORT, FPV, 10,
                TODAY.plusDays(10), "LV", null);
        assertThatCode(() -> scenario.receive(noDestination, noCentre)).doesNotThrowAnyException();
        RoutingResult result = scenario.reroute();
        assertThat(result.created()).isEmpty();
        assertThat(scenario.rejected).contains("X1", "X2");
    }

    @Test
    void theRejectionOfAnUnjudgeableExportSaysWhy() {
        Scenario scenario = renewal(60, 1_000);
        Order noDestination = new Order("X1", 98, EXPORT, FPV, 10,
                TODAY.plusDays(10), " ", "lv-riga");
        OrderDecision decision = scenario.receive(noDestination).decisionFor("X1");
        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.summary()).isEqualTo("rejected: an export needs a destination country, none given");
        assertThat(line(decision).verdict()).isEqualTo(Verdict.INELIGIBLE);
        assertThat(line(decision).explanation()).isEqualTo("not judged: an export needs a destination country, none"
                + " given");
    }
}
