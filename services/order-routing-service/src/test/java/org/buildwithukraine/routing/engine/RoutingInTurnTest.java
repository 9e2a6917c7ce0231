package org.buildwithukraine.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.events.order.CustomerClass.EXPORT;
import static org.buildwithukraine.events.order.CustomerClass.UA_DEFENCE;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.buildwithukraine.events.order.CustomerClass;
import org.junit.jupiter.api.Test;

/**
 * Orders decided in turn in one call ({@link RoutingEngine#routeInTurn}) get exactly the results of receiving them
 * one at a time, each pass starting from what the one before left, as the {@link Scenario} keeps it. Seeded; a
 * failure names its seed, {@code -Drouting.turn-seed=} replays it.
 */
class RoutingInTurnTest {

    private static final String FPV = "UA-FPV-7";
    private static final int CASES = 1_000;

    @Test
    void ordersDecidedInTurnGetTheResultsOfReceivingThemOneAtATime() {
        String replay = System.getProperty("routing.turn-seed");
        long first = replay != null ? Long.parseLong(replay) : new Random().nextLong();
        for (int c = 0; c < (replay != null ? 1 : CASES); c++) {
            long seed = first + c;
            Scenario oneAtATime = network(seed);
            Scenario inTurn = network(seed);
            List<Order> arrivals = arrivals(inTurn, new Random(seed ^ 0x5eed));

            List<RoutingResult> expected = new ArrayList<>();
            arrivals.forEach(order -> expected.add(oneAtATime.receive(order)));
            inTurn.record(arrivals.toArray(Order[]::new));
            List<RoutingResult> actual = inTurn.engine.routeInTurn(inTurn.network(), inTurn.commitments(),
                    inTurn.openOrders(), arrivals, inTurn.now, inTurn::nextAllocationId);

            assertThat(actual).as("seed %d (replay: -Drouting.turn-seed=%d)", seed, seed).isEqualTo(expected);
        }
    }

    /**
     * The difference from one pass over all of them: there, the higher class is placed first and the export takes
     * the surplus; in turn, the export is placed first and then displaced, as it would be when it came first.
     */
    @Test
    void anEarlierExportIsPlacedThenDisplacedAsItWouldBeAlone() {
        Scenario scenario = new Scenario().factory("de-munich").exportCentre("lv-riga")
                .line("DE-MUC-01", "de-munich", FPV, 10)
                .exportLicence("L-DE", "de-munich", FPV, 100_000, "LV");
        Order export = scenario.export(FPV, 200, 60, "LV", "lv-riga");
        Order defence = scenario.order(UA_DEFENCE, FPV, 250, 30);
        scenario.record(export, defence);

        List<RoutingResult> results = scenario.engine.routeInTurn(scenario.network(), scenario.commitments(),
                scenario.openOrders(), List.of(export, defence), scenario.now, scenario::nextAllocationId);

        assertThat(results.get(0).decisionFor(export.id()).outcome()).isEqualTo(Outcome.PLACED);
        assertThat(results.get(1).decisionFor(defence.id()).outcome()).isEqualTo(Outcome.PLACED);
        assertThat(results.get(1).withdrawn()).extracting(w -> w.allocation().orderId()).containsOnly(export.id());
        assertThat(results.get(1).decisionFor(export.id()).unplaced()).isEqualTo(150);
    }

    /** Two or three lines, one of them under a tight licence, and a few orders already placed. */
    private static Scenario network(long seed) {
        Random random = new Random(seed);
        Scenario scenario = new Scenario().factory("de-munich").factory("uk-bristol").exportCentre("lv-riga")
                .line("DE-MUC-01", "de-munich", FPV, 1 + random.nextInt(12))
                .line("UK-BRS-01", "uk-bristol", FPV, 1 + random.nextInt(12))
                .exportLicence("L-DE", "de-munich", FPV, 50 + random.nextInt(400), "LV")
                .exportLicence("L-UK", "uk-bristol", FPV, 100_000, "LV");
        if (random.nextBoolean()) {
            scenario.line("DE-MUC-02", "de-munich", FPV, 1 + random.nextInt(6));
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            scenario.receive(order(scenario, random));
        }
        return scenario;
    }

    private static List<Order> arrivals(Scenario scenario, Random random) {
        List<Order> arrivals = new ArrayList<>();
        for (int i = 2 + random.nextInt(6); i > 0; i--) {
            arrivals.add(order(scenario, random));
        }
        return arrivals;
    }

    private static Order order(Scenario scenario, Random random) {
        CustomerClass customerClass = CustomerClass.values()[random.nextInt(CustomerClass.values().length)];
        long quantity = 1 + random.nextInt(200);
        int neededIn = 1 + random.nextInt(60);
        return customerClass == EXPORT ? scenario.export(FPV, quantity, neededIn, "LV", "lv-riga")
                : scenario.order(customerClass, FPV, quantity, neededIn);
    }
}
