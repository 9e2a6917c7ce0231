package org.buildwithukraine.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.events.order.CustomerClass;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts a pass takes through a line's queue give what walking the whole queue gives: the units ahead of an
 * order found by binary search, and the overruns looked for only from the position of the order just placed, on a
 * queue that had none before. Random queues on one line under three licences ending at different days; seeded.
 */
class QueueWalksTest {

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");
    private static final int CASES = 2_000;

    private final Line line = new Line("DE-1", "de", "UA-T", 40, LineState.RUNNING, null, NOW.minusSeconds(3_600));
    private final Network network = Network.of(List.of(line),
            List.of(new Factory("de", FactoryKind.MANUFACTURER, FactoryStatus.ACTIVE, null, NOW)),
            List.of(licence("LIC-a", 9), licence("LIC-b", 20), licence("LIC-c", 400)));
    private final QueueScheduler scheduler = new QueueScheduler(network, NOW);

    @Test
    void unitsAheadOfAnOrderAreThoseOfTheWorkThatGoesBeforeIt() {
        Random random = new Random(16);
        for (int c = 0; c < CASES; c++) {
            Load load = randomQueue(random, random.nextInt(60));
            Order order = randomOrder(random, random.nextInt(80));
            long walked = 0;
            for (Allocation allocation : load.allocations()) {
                if (!Ranking.goesBefore(allocation, order)) {
                    break;
                }
                walked += allocation.outstanding();
            }
            assertThat(load.ahead(order)).as("case %d", c).isEqualTo(walked);
            int position = load.positionOf(order);
            assertThat(load.allocations().subList(0, position)).allMatch(a -> Ranking.ranksBefore(a, order));
            assertThat(load.allocations().subList(position, load.allocations().size()))
                    .noneMatch(a -> Ranking.ranksBefore(a, order));
        }
    }

    @Test
    void overrunsFromThePositionOfNewWorkAreAllTheOverruns() {
        Random random = new Random(7);
        int withOverruns = 0;
        for (int c = 0; c < CASES; c++) {
            Load load = randomQueue(random, random.nextInt(60));
            scheduler.overruns(line, load, 0).forEach(overrun -> load.remove(overrun.allocation()));
            Order order = randomOrder(random, random.nextInt(80));
            for (int part = 0; part <= random.nextInt(3); part++) {
                load.add(allocation(order, "N-" + part, randomLicence(random), 1 + random.nextInt(120)));
            }
            List<QueueScheduler.Overrun> everywhere = scheduler.overruns(line, load, 0);
            assertThat(scheduler.overruns(line, load, load.positionOf(order))).as("case %d", c)
                    .isEqualTo(everywhere);
            withOverruns += everywhere.isEmpty() ? 0 : 1;
        }
        // the comparison means something only if new work does push work past its licence's end
        assertThat(withOverruns).isGreaterThan(CASES / 10);
    }

    private Load randomQueue(Random random, int size) {
        List<Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Order order = randomOrder(random, i);
            allocations.add(allocation(order, "A-" + i, randomLicence(random), 1 + random.nextInt(60)));
        }
        return new Load(Ranking.queue(network), allocations);
    }

    private static Order randomOrder(Random random, long sequence) {
        CustomerClass customerClass = CustomerClass.values()[random.nextInt(CustomerClass.values().length)];
        return new Order("O-" + sequence, sequence, customerClass, "UA-T", 1, TODAY.plusDays(random.nextInt(5)),
                null, null);
    }

    private static String randomLicence(Random random) {
        return List.of("LIC-a", "LIC-b", "LIC-c").get(random.nextInt(3));
    }

    private static Allocation allocation(Order order, String id, String licenceId, long quantity) {
        return new Allocation(id + "-" + order.id(), order.id(), "DE-1", "de", licenceId, "UA-T",
                order.customerClass(), order.neededBy(), order.sequence(), quantity, 0, null, null);
    }

    private static Licence licence(String id, int days) {
        return new Licence(id, "UA-T", "de", EnumSet.of(LicenceActivity.PRODUCE), 1_000_000, 0,
                TODAY.minusDays(10), TODAY.plusDays(days), Set.of(), LicenceStatus.GRANTED, null,
                NOW.minus(Duration.ofDays(2)));
    }
}
