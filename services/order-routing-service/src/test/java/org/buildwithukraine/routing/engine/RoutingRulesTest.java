package org.buildwithukraine.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.buildwithukraine.events.order.CustomerClass.PARTNER_DEFENCE;
import static org.buildwithukraine.events.order.CustomerClass.UA_DEFENCE;
import static org.buildwithukraine.routing.engine.Scenario.NOW;
import static org.buildwithukraine.routing.engine.Scenario.TODAY;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Rules 2 to 4: priority, surplus, soonest completion with committed work counted, splitting, queueing, quota. */
class RoutingRulesTest {

    private static final String FPV = "UA-FPV-7";

    /** Two factories, one line each at 10 units/day: 300 units each within the 30-day horizon. */
    private static Scenario twoLines() {
        return new Scenario().factory("de-munich").factory("uk-bristol").exportCentre("lv-riga")
                .line("DE-MUC-01", "de-munich", FPV, 10)
                .line("UK-BRS-01", "uk-bristol", FPV, 10)
                .exportLicence("L-DE", "de-munich", FPV, 100_000, "LV")
                .exportLicence("L-UK", "uk-bristol", FPV, 100_000, "LV");
    }

    private static Scenario oneLine() {
        return new Scenario().factory("de-munich").exportCentre("lv-riga")
                .line("DE-MUC-01", "de-munich", FPV, 10)
                .exportLicence("L-DE", "de-munich", FPV, 100_000, "LV");
    }

    private static CandidateLine candidate(OrderDecision decision, String lineId) {
        return decision.candidates().stream().filter(c -> c.lineId().equals(lineId)).findFirst().orElseThrow();
    }

    // ---- rule 3: soonest completion, committed work counted, splitting ----

    @Test
    void placesTheWholeOrderOnTheLineThatFinishesSoonest() {
        Scenario scenario = twoLines().lineCapacity("UK-BRS-01", 20);
        Order order = scenario.order(UA_DEFENCE, FPV, 100, 30);
        OrderDecision decision = scenario.receive(order).decisionFor(order.id());

        assertThat(decision.outcome()).isEqualTo(Outcome.PLACED);
        assertThat(decision.created()).singleElement().satisfies(a -> {
            assertThat(a.lineId()).isEqualTo("UK-BRS-01");
            assertThat(a.quantity()).isEqualTo(100);
            assertThat(a.plannedStart()).isEqualTo(NOW);
            assertThat(a.plannedFinish()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        });
        assertThat(candidate(decision, "UK-BRS-01").explanation()).isEqualTo(
                "chosen for 100 units, 2026-11-20 10:00 UTC to 2026-11-25 10:00 UTC; finishes soonest, before needed-by"
                        + " 2026-12-20");
        assertThat(candidate(decision, "DE-MUC-01").explanation()).isEqualTo(
                "eligible, not needed: UK-BRS-01 finishes sooner (2026-11-25 10:00 UTC against 2026-11-30 10:00 UTC)");
        assertThat(decision.summary()).isEqualTo(
                "routed: 100 units on UK-BRS-01, finishing 2026-11-25 10:00 UTC, before needed-by 2026-12-20");
    }

    @Test
    void countsTheWorkAlreadyCommittedToALine() {
        Scenario scenario = twoLines().lineCapacity("DE-MUC-01", 20);
        Order first = scenario.order(UA_DEFENCE, FPV, 200, 30);
        scenario.receive(first);
        assertThat(scenario.placedOn(first.id(), "DE-MUC-01")).isEqualTo(200);

        // DE-MUC-01 is busy for 10 days: 50 more would finish there in 12.5 days, on UK-BRS-01 in 5
        Order second = scenario.order(UA_DEFENCE, FPV, 50, 30);
        OrderDecision decision = scenario.receive(second).decisionFor(second.id());
        assertThat(decision.created()).singleElement().extracting(Allocation::lineId).isEqualTo("UK-BRS-01");

        // with both busy, the next one starts on a line after the work already there
        Order third = scenario.order(UA_DEFENCE, FPV, 40, 30);
        Allocation placed = scenario.receive(third).decisionFor(third.id()).created().get(0);
        assertThat(placed.lineId()).isEqualTo("UK-BRS-01");
        assertThat(placed.plannedStart()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        assertThat(placed.plannedFinish()).isEqualTo(NOW.plus(Duration.ofDays(9)));
    }

    @Test
    void splitsAcrossLinesWhenNoSingleLineMeetsTheDate() {
        Scenario scenario = twoLines();
        Order order = scenario.order(UA_DEFENCE, FPV, 150, 10);
        OrderDecision decision = scenario.receive(order).decisionFor(order.id());

        assertThat(decision.outcome()).isEqualTo(Outcome.PLACED);
        assertThat(decision.created()).extracting(Allocation::lineId, Allocation::quantity)
                .containsExactlyInAnyOrder(tuple("DE-MUC-01", 75L),
                        tuple("UK-BRS-01", 75L));
        assertThat(decision.created()).allSatisfy(
                a -> assertThat(a.plannedFinish()).isEqualTo(NOW.plus(Duration.ofHours(180))));
        assertThat(candidate(decision, "DE-MUC-01").explanation())
                .endsWith("split across 2 lines: no single line finishes by needed-by 2026-11-30; together they do");
    }

    @Test
    void staysOnOneLineWhenItMeetsTheDateEvenIfSplittingWouldBeFaster() {
        Scenario scenario = twoLines();
        Order order = scenario.order(UA_DEFENCE, FPV, 150, 20);
        OrderDecision decision = scenario.receive(order).decisionFor(order.id());
        assertThat(decision.created()).singleElement().extracting(Allocation::lineId).isEqualTo("DE-MUC-01");
    }

    @Test
    void splitsToFinishSoonestEvenWhenTheDateCannotBeMet() {
        Scenario scenario = twoLines();
        Order order = scenario.order(UA_DEFENCE, FPV, 300, 2);
        OrderDecision decision = scenario.receive(order).decisionFor(order.id());
        assertThat(decision.created()).extracting(Allocation::quantity).containsExactly(150L, 150L);
        assertThat(decision.summary()).contains("after needed-by " + TODAY.plusDays(2));
    }

    @Test
    void queuesWhatNoLineCanTakeWithinTheHorizon() {
        Scenario scenario = twoLines();
        Order order = scenario.order(UA_DEFENCE, FPV, 800, 60);
        OrderDecision decision = scenario.receive(order).decisionFor(order.id());

        assertThat(decision.outcome()).isEqualTo(Outcome.PARTIALLY_PLACED);
        assertThat(decision.unplaced()).isEqualTo(200);
        assertThat(scenario.outstandingOn("DE-MUC-01")).isEqualTo(300);
        assertThat(scenario.outstandingOn("UK-BRS-01")).isEqualTo(300);
        assertThat(decision.summary()).endsWith("200 units wait: no more capacity or quota on eligible lines");

        Order another = scenario.order(UA_DEFENCE, FPV, 10, 60);
        OrderDecision queued = scenario.receive(another).decisionFor(another.id());
        assertThat(queued.outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(candidate(queued, "DE-MUC-01").verdict()).isEqualTo(Verdict.NO_CAPACITY);
        assertThat(candidate(queued, "DE-MUC-01").explanation()).isEqualTo(
                "no free capacity within the 30-day horizon: 300 units committed to orders of equal or higher priority");
    }

    @Test
    void whatWaitsIsPlacedWhenProductionFreesCapacity() {
        Scenario scenario = oneLine();
        Order order = scenario.order(UA_DEFENCE, FPV, 400, 60);
        scenario.receive(order);
        assertThat(scenario.unplaced.get(order.id())).isEqualTo(100);

        scenario.produce(scenario.allocationsOf(order.id()).get(0).id(), 120);
        RoutingResult result = scenario.reroute();

        assertThat(result.decisionFor(order.id()).created()).singleElement().extracting(Allocation::quantity)
                .isEqualTo(100L);
        assertThat(scenario.unplaced.get(order.id())).isZero();
        assertThat(scenario.outstandingOn("DE-MUC-01")).isEqualTo(280);
    }

    // ---- rule 2: priority and surplus ----

    @Test
    void higherClassesArePlacedFirstWhenOrdersCompeteInOnePass() {
        Scenario scenario = oneLine();
        Order export = scenario.export(FPV, 200, 10, "LV", "lv-riga");
        Order partner = scenario.order(PARTNER_DEFENCE, FPV, 200, 20);
        Order ukraine = scenario.order(UA_DEFENCE, FPV, 200, 30);
        RoutingResult result = scenario.receive(export, partner, ukraine);

        assertThat(result.decisions()).extracting(OrderDecision::orderId)
                .containsExactly(ukraine.id(), partner.id(), export.id());
        assertThat(result.decisionFor(ukraine.id()).unplaced()).isZero();
        assertThat(result.decisionFor(partner.id()).unplaced()).isEqualTo(100);
        assertThat(result.decisionFor(export.id()).outcome()).isEqualTo(Outcome.QUEUED);
        Allocation first = result.decisionFor(ukraine.id()).created().get(0);
        Allocation second = result.decisionFor(partner.id()).created().get(0);
        assertThat(first.plannedStart()).isEqualTo(NOW);
        assertThat(second.plannedStart()).isEqualTo(first.plannedFinish());
    }

    @Test
    void withinAClassTheEarlierNeededByGoesFirstThenTheEarlierArrival() {
        Scenario scenario = oneLine();
        Order later = scenario.order(UA_DEFENCE, FPV, 200, 40);
        Order sooner = scenario.order(UA_DEFENCE, FPV, 200, 20);
        Order sameDateButLast = scenario.order(UA_DEFENCE, FPV, 50, 20);
        RoutingResult result = scenario.receive(later, sooner, sameDateButLast);

        assertThat(result.decisions()).extracting(OrderDecision::orderId)
                .containsExactly(sooner.id(), sameDateButLast.id(), later.id());
        assertThat(result.decisionFor(sooner.id()).unplaced()).isZero();
        assertThat(result.decisionFor(sameDateButLast.id()).unplaced()).isZero();
        assertThat(result.decisionFor(later.id()).unplaced()).isEqualTo(150);
    }

    @Test
    void aLaterOrderWithAnEarlierDateGoesAheadOnTheLineAndPushesBackTheOtherWork() {
        Scenario scenario = oneLine();
        Order relaxed = scenario.order(UA_DEFENCE, FPV, 100, 40);
        scenario.receive(relaxed);
        Order urgent = scenario.order(UA_DEFENCE, FPV, 50, 10);
        RoutingResult result = scenario.receive(urgent);

        Allocation placed = result.decisionFor(urgent.id()).created().get(0);
        assertThat(placed.plannedStart()).isEqualTo(NOW);
        assertThat(result.withdrawn()).isEmpty();
        assertThat(result.rescheduled()).singleElement().satisfies(r -> {
            assertThat(r.plannedStart()).isEqualTo(NOW.plus(Duration.ofDays(5)));
            assertThat(r.plannedFinish()).isEqualTo(NOW.plus(Duration.ofDays(15)));
        });
    }

    @Test
    void aHigherClassDisplacesLowerClassWorkRatherThanWaitForIt() {
        Scenario scenario = oneLine();
        Order export = scenario.export(FPV, 300, 30, "LV", "lv-riga");
        scenario.receive(export);
        assertThat(scenario.outstandingOn("DE-MUC-01")).isEqualTo(300);

        Order ukraine = scenario.order(UA_DEFENCE, FPV, 100, 30);
        RoutingResult result = scenario.receive(ukraine);

        OrderDecision forUkraine = result.decisionFor(ukraine.id());
        assertThat(forUkraine.outcome()).isEqualTo(Outcome.PLACED);
        assertThat(forUkraine.created().get(0).plannedStart()).isEqualTo(NOW);
        OrderDecision forExport = result.decisionFor(export.id());
        assertThat(forExport.withdrawn()).singleElement().extracting(Withdrawal::reason).isEqualTo(
                "displaced by higher-priority UA_DEFENCE work: line DE-MUC-01 has no room left within the 30-day horizon");
        assertThat(forExport.created()).singleElement().satisfies(a -> {
            assertThat(a.quantity()).isEqualTo(200);
            assertThat(a.plannedStart()).isEqualTo(NOW.plus(Duration.ofDays(10)));
        });
        assertThat(forExport.outcome()).isEqualTo(Outcome.PARTIALLY_PLACED);
        assertThat(scenario.outstandingOn("DE-MUC-01")).isEqualTo(300);
    }

    @Test
    void anEqualClassNeverDisplacesPlacedWork() {
        Scenario scenario = oneLine();
        Order first = scenario.order(PARTNER_DEFENCE, FPV, 300, 40);
        scenario.receive(first);
        Order urgent = scenario.order(PARTNER_DEFENCE, FPV, 100, 5);
        RoutingResult result = scenario.receive(urgent);
        assertThat(result.withdrawn()).isEmpty();
        assertThat(result.decisionFor(urgent.id()).outcome()).isEqualTo(Outcome.QUEUED);
    }

    @Test
    void surplusRule_anExportCannotTakeCapacityAPendingUkrainianOrderNeeds() {
        Scenario scenario = twoLines();
        scenario.licences.remove("L-UK");
        scenario.licence("L-UK", "uk-bristol", FPV, 100_000);
        Order ukraine = scenario.order(UA_DEFENCE, FPV, 700, 30);
        scenario.receive(ukraine);
        assertThat(scenario.unplaced.get(ukraine.id())).isEqualTo(100);

        // capacity frees up on DE-MUC-01, the only line allowed to export: the waiting UA order takes it first
        scenario.produce(scenario.on("DE-MUC-01").get(0).id(), 60);
        Order export = scenario.export(FPV, 50, 30, "LV", "lv-riga");
        RoutingResult result = scenario.receive(export);

        assertThat(result.decisionFor(ukraine.id()).created()).singleElement().extracting(Allocation::quantity)
                .isEqualTo(60L);
        OrderDecision forExport = result.decisionFor(export.id());
        assertThat(forExport.outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(forExport.created()).isEmpty();
        assertThat(candidate(forExport, "DE-MUC-01").verdict()).isEqualTo(Verdict.NO_CAPACITY);
        assertThat(candidate(forExport, "DE-MUC-01").explanation()).isEqualTo(
                "no free capacity within the 30-day horizon: 300 units committed to orders of equal or higher priority");
        assertThat(forExport.summary()).isEqualTo(
                "queued: higher-priority orders for UA-FPV-7 still wait, exports take only surplus capacity");
    }

    @Test
    void surplusRule_appliesToQuotaToo() {
        Scenario scenario = twoLines();
        scenario.licences.clear();
        scenario.exportLicence("L-DE", "de-munich", FPV, 100, "LV");
        scenario.exportLicence("L-UK", "uk-bristol", FPV, 50, "LV");
        Order ukraine = scenario.order(UA_DEFENCE, FPV, 200, 30);
        Order export = scenario.export(FPV, 10, 30, "LV", "lv-riga");
        RoutingResult result = scenario.receive(ukraine, export);

        assertThat(result.decisionFor(ukraine.id()).unplaced()).isEqualTo(50);
        assertThat(result.decisionFor(export.id()).created()).isEmpty();
        assertThat(scenario.outstandingUnder("L-DE")).isEqualTo(100);
        assertThat(scenario.outstandingUnder("L-UK")).isEqualTo(50);
    }

    @Test
    void exportsAreServedOnceHigherDemandIsMet() {
        Scenario scenario = oneLine();
        Order ukraine = scenario.order(UA_DEFENCE, FPV, 250, 30);
        Order export = scenario.export(FPV, 100, 30, "LV", "lv-riga");
        RoutingResult result = scenario.receive(ukraine, export);
        assertThat(result.decisionFor(export.id()).created()).singleElement().extracting(Allocation::quantity)
                .isEqualTo(50L);
    }

    // ---- rule 4: quota ----

    @Test
    void neverAllocatesMoreThanALicencesRemainingQuotaSharedByItsLines() {
        Scenario scenario = new Scenario().factory("de-munich")
                .line("DE-MUC-01", "de-munich", FPV, 10).line("DE-MUC-02", "de-munich", FPV, 10)
                .licence("L-DE", "de-munich", FPV, 200).consume("L-DE", 80);
        Order order = scenario.order(UA_DEFENCE, FPV, 200, 30);
        OrderDecision decision = scenario.receive(order).decisionFor(order.id());

        assertThat(decision.unplaced()).isEqualTo(80);
        assertThat(scenario.outstandingUnder("L-DE")).isEqualTo(120);

        Order next = scenario.order(PARTNER_DEFENCE, FPV, 10, 30);
        OrderDecision none = scenario.receive(next).decisionFor(next.id());
        assertThat(none.outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(candidate(none, "DE-MUC-02").verdict()).isEqualTo(Verdict.NO_QUOTA);
        assertThat(candidate(none, "DE-MUC-02").explanation()).isEqualTo("licence L-DE (UA-FPV-7 for de-munich) has no"
                + " unallocated quota left: its 120 remaining units are allocated to orders of equal or higher priority");
    }

    @Test
    void aLineWhoseFactoryHoldsTwoLicencesUsesTheSecondWhenTheFirstRunsOut() {
        Scenario scenario = new Scenario().factory("de-munich")
                .line("DE-MUC-01", "de-munich", FPV, 10)
                .licence("L-A", "de-munich", FPV, 50)
                .licence("L-B", "de-munich", FPV, 100);
        Order order = scenario.order(UA_DEFENCE, FPV, 120, 30);
        OrderDecision decision = scenario.receive(order).decisionFor(order.id());

        assertThat(decision.created()).extracting(Allocation::licenceId, Allocation::quantity).containsExactly(
                tuple("L-A", 50L), tuple("L-B", 70L));
        assertThat(decision.candidates()).singleElement().satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.CHOSEN);
            assertThat(c.quantity()).isEqualTo(120);
        });
        assertThat(decision.unplaced()).isZero();
    }

    @Test
    void aHigherClassTakesQuotaHeldByALowerClass() {
        Scenario scenario = oneLine();
        scenario.licenceCap("L-DE", 100);
        Order export = scenario.export(FPV, 100, 30, "LV", "lv-riga");
        scenario.receive(export);
        Order ukraine = scenario.order(UA_DEFENCE, FPV, 60, 30);
        RoutingResult result = scenario.receive(ukraine);

        assertThat(result.decisionFor(ukraine.id()).unplaced()).isZero();
        assertThat(result.decisionFor(export.id()).withdrawn()).singleElement().extracting(Withdrawal::reason)
                .isEqualTo("displaced by higher-priority UA_DEFENCE work: licence L-DE (UA-FPV-7 for de-munich) has no quota"
                        + " left for it");
        assertThat(result.decisionFor(export.id()).unplaced()).isEqualTo(60);
        assertThat(scenario.outstandingUnder("L-DE")).isEqualTo(100);
    }

    @Test
    void workIsPlacedOnlyUntilTheLicenceEnds() {
        Scenario scenario = oneLine().licenceValidity("L-DE", TODAY.minusDays(10), TODAY.plusDays(4));
        Order order = scenario.order(UA_DEFENCE, FPV, 100, 30);
        OrderDecision decision = scenario.receive(order).decisionFor(order.id());
        // from 10:00 today to the end of the licence's last day: 4 days and 14 hours at 10 a day
        assertThat(decision.created()).singleElement().extracting(Allocation::quantity).isEqualTo(45L);
        assertThat(decision.unplaced()).isEqualTo(55);
    }

    // ---- rejection and queueing ----

    @Test
    void rejectsAnOrderNoLicenceAnywhereCanServe() {
        Scenario scenario = twoLines();
        Order order = scenario.order(UA_DEFENCE, "UA-RECON-3", 10, 30);
        OrderDecision decision = scenario.receive(order).decisionFor(order.id());
        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.summary()).isEqualTo("rejected: no licence for UA-RECON-3 anywhere in the network");
    }

    @Test
    void rejectsAnExportToADestinationNoLicencePermits() {
        Scenario scenario = twoLines();
        Order order = scenario.export(FPV, 10, 30, "NO", "lv-riga");
        OrderDecision decision = scenario.receive(order).decisionFor(order.id());
        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.summary()).isEqualTo("rejected: no licence permits export of UA-FPV-7 to NO");
        assertThat(decision.candidates()).allSatisfy(c -> assertThat(c.explanation())
                .startsWith("no export permission for NO: licence L-"));
        assertThat(scenario.active).isEmpty();
    }

    @Test
    void rejectsAnExportThroughSomethingThatIsNotAnExportCentre() {
        Scenario scenario = twoLines();
        assertThat(scenario.receive(scenario.export(FPV, 10, 30, "LV", "de-munich")).decisions().get(0).summary())
                .isEqualTo("rejected: de-munich is not an export centre");
        assertThat(scenario.receive(scenario.export(FPV, 10, 30, "LV", "xx-nowhere")).decisions().get(0).summary())
                .isEqualTo("rejected: export centre xx-nowhere not known");
    }

    @Test
    void queuesAnExportWhileItsExportCentreIsSuspended() {
        Scenario scenario = twoLines().factoryStatus("lv-riga",
                org.buildwithukraine.events.factory.FactoryStatus.SUSPENDED, "customs inspection", NOW);
        OrderDecision decision = scenario.receive(scenario.export(FPV, 10, 30, "LV", "lv-riga")).decisions().get(0);
        assertThat(decision.outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(decision.summary())
                .isEqualTo("queued: export centre lv-riga suspended 2026-11-20: customs inspection");
    }

    @Test
    void queuesWhenNoLineBuildsTheTechnologyYet() {
        Scenario scenario = twoLines().licence("L-RECON", "de-munich", "UA-RECON-3", 100);
        OrderDecision decision = scenario.receive(scenario.order(UA_DEFENCE, "UA-RECON-3", 10, 30)).decisions()
                .get(0);
        assertThat(decision.outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(decision.summary()).isEqualTo("queued: no line builds UA-RECON-3 yet");
        assertThat(decision.candidates()).isEmpty();
    }

    // ---- determinism ----

    @Test
    void theSameInputsGiveTheSameDecisions() {
        List<RoutingResult> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Scenario scenario = twoLines().line("DE-MUC-02", "de-munich", FPV, 13);
            scenario.receive(scenario.export(FPV, 120, 12, "LV", "lv-riga"));
            runs.add(scenario.receive(scenario.order(UA_DEFENCE, FPV, 500, 9),
                    scenario.order(PARTNER_DEFENCE, FPV, 77, 9), scenario.order(UA_DEFENCE, FPV, 31, 3)));
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }
}
