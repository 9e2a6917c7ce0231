package org.buildwithukraine.routing.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.events.order.CustomerClass;

/**
 * Routing decisions per second and their latency, against read models of growing networks. Not a test: run by
 * {@code deploy/benchmarks/routing-bench.sh} (arguments: network sizes in lines, default 10 1000 10000).
 * <p>
 * Each network has 20 technologies, five lines per factory, one licence per factory and technology, 10 export
 * centres, some lines down and some licences suspended, and every line already half committed to open orders. Each
 * measured decision routes one new order (a third of them exports) the way the service does: against the whole
 * network's index and the commitments and open orders of the order's technology. Decisions are not applied, so
 * every one meets the same load.
 */
public final class RoutingBenchmark {

    private static final int TECHNOLOGIES = 20;
    private static final int LINES_PER_FACTORY = 5;
    private static final List<String> TERRITORIES = List.of("LV", "LT", "EE", "FI", "SE", "NO", "DK", "PL");
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    private static final Duration MEASURE_FOR = Duration.ofSeconds(3);

    private RoutingBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] { 10, 1_000, 10_000 }
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        RoutingEngine engine = new RoutingEngine(RoutingPolicy.DEFAULT);
        System.out.println();
        System.out.println("Routing engine: one new order per decision, horizon " + RoutingPolicy.DEFAULT.horizonDays()
                + " days, " + TECHNOLOGIES + " technologies");
        System.out.println();
        System.out.printf(Locale.ROOT, "%8s %10s %12s %11s %14s %10s %10s %10s%n", "lines", "lines/tech",
                "allocations", "decisions", "decisions/s", "p50 µs", "p99 µs", "max µs");
        for (int size : sizes) {
            System.out.println(new Bench(size, new Random(size)).run(engine));
        }
        System.out.println();
        System.out.println("Re-routing: a line holding N one-unit allocations goes DOWN, one other line takes them"
                + " (the shape of deploy/benchmarks/reroute.sh)");
        System.out.println();
        System.out.printf(Locale.ROOT, "%8s %8s %12s %12s %12s%n", "N", "passes", "median ms", "min ms", "max ms");
        for (int allocations : new int[] { 1_000, 10_000 }) {
            System.out.println(reroute(engine, allocations));
        }
        System.out.println();
    }

    /**
     * One re-routing pass, timed from its start to its result (withdrawals, new allocations and decisions drafted),
     * repeated on the same read model: the engine's share of the platform's re-routing time.
     */
    private static String reroute(RoutingEngine engine, int size) {
        String technology = "UA-T-RR";
        Factory de = new Factory("de", FactoryKind.MANUFACTURER, FactoryStatus.ACTIVE, null, NOW);
        Factory uk = new Factory("uk", FactoryKind.MANUFACTURER, FactoryStatus.ACTIVE, null, NOW);
        Line down = new Line("DE-RR", "de", technology, 1_000, LineState.DOWN, DowntimeReason.BREAKDOWN, NOW);
        Line up = new Line("UK-RR", "uk", technology, 1_000, LineState.RUNNING, null, NOW.minus(Duration.ofHours(1)));
        List<Licence> licences = new ArrayList<>();
        for (Factory factory : List.of(de, uk)) {
            licences.add(new Licence("LIC-" + factory.id(), technology, factory.id(),
                    EnumSet.of(LicenceActivity.PRODUCE), 1_000_000, 0, TODAY.minusDays(10), TODAY.plusDays(400),
                    Set.of(), LicenceStatus.GRANTED, null, NOW.minus(Duration.ofDays(2))));
        }
        Network network = Network.of(List.of(down, up), List.of(de, uk), licences);
        List<Allocation> allocations = new ArrayList<>();
        List<OpenOrder> open = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            Order order = new Order("O-" + i, i, CustomerClass.values()[i % 2], technology, 1, TODAY.plusDays(60),
                    null, null);
            allocations.add(new Allocation("A-" + i, order.id(), down.id(), "de", "LIC-de", technology,
                    order.customerClass(), order.neededBy(), i, 1, 0, NOW, NOW.plus(Duration.ofDays(1))));
            open.add(new OpenOrder(order, 0));
        }
        Commitments commitments = Commitments.of(allocations);
        int[] counter = { 0 };
        Supplier<String> ids = () -> "N-" + (++counter[0]);
        List<Long> times = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (times.size() < 3 || (times.size() < 11 && System.nanoTime() < until)) {
            long before = System.nanoTime();
            RoutingResult result = engine.reroute(network, commitments, open, NOW, ids);
            times.add(System.nanoTime() - before);
            if (result.created().size() != size) {
                throw new IllegalStateException(result.created().size() + " re-placed of " + size);
            }
        }
        List<Long> measured = times.subList(1, times.size()).stream().sorted().toList();
        return String.format(Locale.ROOT, "%8d %8d %12.1f %12.1f %12.1f", size, measured.size(),
                measured.get(measured.size() / 2) / 1e6, measured.get(0) / 1e6,
                measured.get(measured.size() - 1) / 1e6);
    }

    private static final class Bench {
        private final int size;
        private final Random random;
        private final List<Line> lines = new ArrayList<>();
        private final List<Factory> factories = new ArrayList<>();
        private final List<Licence> licences = new ArrayList<>();
        private final Map<String, List<Allocation>> allocationsByTechnology = new HashMap<>();
        private final Map<String, List<OpenOrder>> openByTechnology = new HashMap<>();
        private final List<String> technologiesWithLines = new ArrayList<>();
        private long sequence;

        Bench(int size, Random random) {
            this.size = size;
            this.random = random;
            build();
        }

        private void build() {
            for (int c = 0; c < 10; c++) {
                factories.add(new Factory("centre-" + c, FactoryKind.EXPORT_CENTRE, FactoryStatus.ACTIVE, null, NOW));
            }
            for (int i = 0; i < size; i++) {
                String factory = "factory-" + i / LINES_PER_FACTORY;
                String technology = technology(i % TECHNOLOGIES);
                if (i % LINES_PER_FACTORY == 0) {
                    boolean suspended = random.nextInt(50) == 0;
                    factories.add(new Factory(factory, FactoryKind.MANUFACTURER,
                            suspended ? FactoryStatus.SUSPENDED : FactoryStatus.ACTIVE, suspended ? "audit" : null,
                            NOW.minus(Duration.ofDays(3))));
                }
                boolean down = random.nextInt(20) == 0;
                lines.add(new Line("L-" + i, factory, technology, 20 + random.nextInt(200),
                        down ? LineState.DOWN : LineState.RUNNING, down ? DowntimeReason.BREAKDOWN : null,
                        NOW.minus(Duration.ofHours(3))));
            }
            Map<String, Boolean> licensed = new HashMap<>();
            for (Line line : lines) {
                if (licensed.putIfAbsent(line.factoryId() + "/" + line.technologyCode(), true) == null) {
                    Set<String> territories = new HashSet<>();
                    TERRITORIES.forEach(t -> {
                        if (random.nextBoolean()) {
                            territories.add(t);
                        }
                    });
                    boolean suspended = random.nextInt(25) == 0;
                    licences.add(new Licence("LIC-" + licences.size(), line.technologyCode(), line.factoryId(),
                            EnumSet.of(LicenceActivity.PRODUCE, LicenceActivity.EXPORT), 1_000_000,
                            random.nextInt(10_000), TODAY.minusDays(100), TODAY.plusDays(400), territories,
                            suspended ? LicenceStatus.SUSPENDED : LicenceStatus.GRANTED,
                            suspended ? "quality audit" : null, NOW.minus(Duration.ofDays(2))));
                }
            }
            Map<String, String> licenceOf = new HashMap<>();
            licences.forEach(l -> licenceOf.put(l.factoryId() + "/" + l.technologyCode(), l.id()));
            for (Line line : lines) {
                technologiesWithLines.remove(line.technologyCode());
                technologiesWithLines.add(line.technologyCode());
                if (!line.isProducing()) {
                    continue;
                }
                // half of the horizon is committed, in two allocations of two open orders
                long half = (long) line.capacityPerDay() * RoutingPolicy.DEFAULT.horizonDays() / 2;
                for (long part : new long[] { half / 2, half - half / 2 }) {
                    Order order = newOrder(line.technologyCode(), part);
                    allocationsByTechnology.computeIfAbsent(line.technologyCode(), t -> new ArrayList<>())
                            .add(new Allocation("A-" + order.id(), order.id(), line.id(), line.factoryId(),
                                    licenceOf.get(line.factoryId() + "/" + line.technologyCode()),
                                    line.technologyCode(), order.customerClass(), order.neededBy(), order.sequence(),
                                    part, 0, NOW, NOW.plus(Duration.ofDays(15))));
                    openByTechnology.computeIfAbsent(line.technologyCode(), t -> new ArrayList<>())
                            .add(new OpenOrder(order, 0));
                }
            }
            technologiesWithLines.sort(null);
        }

        String run(RoutingEngine engine) {
            Network network = Network.of(lines, factories, licences);
            Map<String, Commitments> commitments = new HashMap<>();
            allocationsByTechnology.forEach((t, list) -> commitments.put(t, Commitments.of(list)));
            int[] counter = { 0 };
            Supplier<String> ids = () -> "N-" + (++counter[0]);

            // warm up the JIT on the same work
            long warmUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < warmUntil) {
                decide(engine, network, commitments, ids);
            }
            long[] latencies = new long[1 << 20];
            int decisions = 0;
            long started = System.nanoTime();
            long until = started + MEASURE_FOR.toNanos();
            long now;
            do {
                long before = System.nanoTime();
                decide(engine, network, commitments, ids);
                now = System.nanoTime();
                if (decisions < latencies.length) {
                    latencies[decisions] = now - before;
                }
                decisions++;
            } while (now < until);
            long[] measured = Arrays.copyOf(latencies, Math.min(decisions, latencies.length));
            Arrays.sort(measured);
            double perSecond = decisions / ((now - started) / 1e9);
            int allocations = allocationsByTechnology.values().stream().mapToInt(List::size).sum();
            return String.format(Locale.ROOT, "%8d %10d %12d %11d %14.0f %10.1f %10.1f %10.1f", size,
                    Math.max(1, size / TECHNOLOGIES), allocations, decisions, perSecond,
                    measured[measured.length / 2] / 1e3, measured[(int) (measured.length * 0.99)] / 1e3,
                    measured[measured.length - 1] / 1e3);
        }

        private void decide(RoutingEngine engine, Network network, Map<String, Commitments> commitments,
                Supplier<String> ids) {
            String technology = technologiesWithLines.get(random.nextInt(technologiesWithLines.size()));
            long quantity = 20 + random.nextInt(2_000);
            Order order = random.nextInt(3) == 0
                    ? new Order("X-" + (++sequence), sequence, CustomerClass.EXPORT, technology, quantity,
                            TODAY.plusDays(5 + random.nextInt(40)),
                            TERRITORIES.get(random.nextInt(TERRITORIES.size())), "centre-" + random.nextInt(10))
                    : new Order("X-" + (++sequence), sequence,
                            random.nextBoolean() ? CustomerClass.UA_DEFENCE : CustomerClass.PARTNER_DEFENCE,
                            technology, quantity, TODAY.plusDays(5 + random.nextInt(40)), null, null);
            RoutingResult result = engine.route(network, commitments.getOrDefault(technology, Commitments.none()),
                    openByTechnology.getOrDefault(technology, List.of()), List.of(order), NOW, ids);
            if (result.decisions().isEmpty()) {
                throw new IllegalStateException("no decision for " + order.id());
            }
        }

        private Order newOrder(String technology, long quantity) {
            long seq = ++sequence;
            CustomerClass customerClass = CustomerClass.values()[(int) (seq % 2)];
            return new Order("O-" + seq, seq, customerClass, technology, quantity,
                    TODAY.plusDays(10 + seq % 30), null, null);
        }

        private static String technology(int index) {
            return String.format(Locale.ROOT, "UA-T-%02d", index);
        }
    }
}
