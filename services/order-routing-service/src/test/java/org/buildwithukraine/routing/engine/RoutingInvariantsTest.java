package org.buildwithukraine.routing.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.events.order.CustomerClass;
import org.junit.jupiter.api.Test;

/**
 * Property-based: random networks take random orders and random events (lines stopping and restarting, licences
 * suspended, amended and used up, factories suspended, units produced, time passing), and after every routing pass
 * the invariants of the routing rules hold. Each run is seeded; a failure names its seed, and
 * {@code -Drouting.seed=<seed>} replays exactly that run. The long histories cover the events; the many small cases
 * cover renewals (factories holding two or three overlapping licences per technology, with different quotas, ends
 * and territories, amended to end earlier) and orders of one class with different dates.
 */
class RoutingInvariantsTest {

    private static final int RUNS = 100;
    private static final int SMALL_CASES = 100_000;
    private static final int STEPS = 40;
    private static final long DAY = 86_400;
    private static final List<String> TECHNOLOGIES = List.of("UA-FPV-7", "UA-RECON-3");
    private static final List<String> COUNTRIES = List.of("LV", "LT", "EE", "NO");
    private static final List<String> FACTORIES = List.of("de-munich", "uk-bristol", "pl-rzeszow");
    private static final List<String> CENTRES = List.of("lv-riga", "ee-tallinn");

    @Test
    void routingInvariantsHoldUnderRandomOrdersAndEvents() {
        String replay = System.getProperty("routing.seed");
        long first = replay != null ? Long.parseLong(replay) : new Random().nextLong();
        int runs = replay != null ? 1 : RUNS;
        for (int run = 0; run < runs; run++) {
            long seed = first + run;
            try {
                new Run(seed, true, true).play();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("Routing invariant broken with seed " + seed
                        + " (replay: mvn test -Dtest=RoutingInvariantsTest -Drouting.seed=" + seed + ")", e);
            }
        }
    }

    @Test
    void routingInvariantsHoldForManySmallCasesWithOverlappingLicences() {
        String replay = System.getProperty("routing.small-seed");
        long first = replay != null ? Long.parseLong(replay) : new Random().nextLong();
        int cases = replay != null ? 1 : SMALL_CASES;
        for (int c = 0; c < cases; c++) {
            long seed = first + c;
            try {
                // the long histories replay every pass; here every eighth case does, and every fourth is re-passed,
                // which keeps a hundred thousand cases within seconds
                new Run(seed, c % 8 == 0, c % 4 == 0).playSmall();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("Routing invariant broken with seed " + seed + " (replay: mvn test"
                        + " -Dtest=RoutingInvariantsTest -Drouting.small-seed=" + seed + ")", e);
            }
        }
    }

    /** One random network and its history. */
    private static final class Run {
        private final Random random;
        private final Scenario scenario = new Scenario();
        private final boolean replayEachPass;
        private final boolean passAgainAfterEach;
        private int step;

        /**
         * @param replayEachPass     check on every pass that the same inputs give the same result
         * @param passAgainAfterEach check after every pass that a pass right after changes nothing
         */
        Run(long seed, boolean replayEachPass, boolean passAgainAfterEach) {
            this.random = new Random(seed);
            this.replayEachPass = replayEachPass;
            this.passAgainAfterEach = passAgainAfterEach;
        }

        /** A tiny network of renewals: one technology, each factory holding two or three overlapping licences. */
        void playSmall() {
            String technology = TECHNOLOGIES.get(0);
            int factories = 1 + random.nextInt(2);
            scenario.exportCentre(CENTRES.get(0));
            int licenceNo = 0;
            for (int f = 0; f < factories; f++) {
                String factory = FACTORIES.get(f);
                scenario.factory(factory);
                int lines = 1 + random.nextInt(2);
                for (int l = 0; l < lines; l++) {
                    scenario.line("L" + f + l, factory, technology, 1 + random.nextInt(20));
                }
                int licences = 2 + random.nextInt(2);
                for (int k = 0; k < licences; k++) {
                    String id = "LIC" + licenceNo++;
                    scenario.licence(id, factory, technology, 10 + random.nextInt(300), random.nextBoolean()
                            ? EnumSet.of(LicenceActivity.PRODUCE, LicenceActivity.EXPORT)
                            : EnumSet.of(LicenceActivity.PRODUCE), smallTerritories());
                    scenario.licenceValidity(id, Scenario.TODAY.minusDays(30),
                            Scenario.TODAY.plusDays(random.nextInt(40)));
                    if (random.nextInt(10) == 0) {
                        scenario.licenceStatus(id, LicenceStatus.SUSPENDED, "audit", scenario.now);
                    }
                }
            }
            CustomerClass usual = pick(List.of(CustomerClass.values()));
            int steps = 2 + random.nextInt(2);
            for (step = 0; step < steps; step++) {
                int dice = random.nextInt(10);
                if (dice < 6) {
                    int count = 1 + random.nextInt(3);
                    Order[] received = new Order[count];
                    for (int i = 0; i < count; i++) {
                        CustomerClass customerClass = random.nextInt(4) == 0 ? pick(List.of(CustomerClass.values()))
                                : usual;
                        long quantity = 1 + random.nextInt(80);
                        int days = 1 + random.nextInt(30);
                        received[i] = customerClass == CustomerClass.EXPORT
                                ? scenario.export(technology, quantity, days, pick(COUNTRIES.subList(0, 2)),
                                        CENTRES.get(0))
                                : scenario.order(customerClass, technology, quantity, days);
                    }
                    scenario.record(received);
                    pass(List.of(received), false);
                    continue;
                }
                if (dice < 8) {
                    String id = pick(new ArrayList<>(scenario.licences.keySet()));
                    Licence licence = scenario.licences.get(id);
                    scenario.licenceValidity(id, licence.validFrom(), Scenario.TODAY.plusDays(random.nextInt(10)));
                } else if (dice < 9 && !scenario.active.isEmpty()) {
                    Allocation allocation = pick(new ArrayList<>(scenario.active.values()));
                    scenario.produce(allocation.id(), 1 + random.nextInt((int) allocation.outstanding()));
                } else {
                    scenario.now = scenario.now.plus(Duration.ofHours(1 + random.nextInt(48)));
                }
                pass(List.of(), true);
            }
        }

        private Set<String> smallTerritories() {
            Set<String> territories = new HashSet<>();
            for (String country : COUNTRIES.subList(0, 2)) {
                if (random.nextBoolean()) {
                    territories.add(country);
                }
            }
            return territories;
        }

        void play() {
            buildNetwork();
            for (step = 0; step < STEPS; step++) {
                int dice = random.nextInt(100);
                if (dice < 45) {
                    receiveOrders();
                } else {
                    changeTheNetwork(dice);
                    pass(List.of(), true);
                }
            }
        }

        private void buildNetwork() {
            for (String factory : FACTORIES) {
                scenario.factory(factory);
                if (random.nextInt(8) == 0) {
                    scenario.factoryStatus(factory, FactoryStatus.SUSPENDED, "audit", scenario.now);
                }
            }
            CENTRES.forEach(scenario::exportCentre);
            int lines = 1 + random.nextInt(6);
            for (int i = 0; i < lines; i++) {
                scenario.line("L" + i, pick(FACTORIES), pick(TECHNOLOGIES), 1 + random.nextInt(30));
                if (random.nextInt(6) == 0) {
                    scenario.lineState("L" + i, LineState.DOWN, DowntimeReason.BREAKDOWN, scenario.now);
                }
            }
            int licenceNo = 0;
            for (String factory : FACTORIES) {
                for (String technology : TECHNOLOGIES) {
                    int count = random.nextInt(10) < 7 ? 1 + (random.nextInt(5) == 0 ? 1 : 0) : 0;
                    for (int c = 0; c < count; c++) {
                        String id = "LIC" + licenceNo++;
                        Set<LicenceActivity> activities = random.nextBoolean()
                                ? EnumSet.of(LicenceActivity.PRODUCE, LicenceActivity.EXPORT)
                                : random.nextInt(10) == 0 ? EnumSet.of(LicenceActivity.EXPORT)
                                        : EnumSet.of(LicenceActivity.PRODUCE);
                        scenario.licence(id, factory, technology, 50 + random.nextInt(2000), activities,
                                territories());
                        scenario.consume(id, random.nextInt(40));
                        int validity = random.nextInt(20);
                        if (validity == 0) {
                            scenario.licenceValidity(id, Scenario.TODAY.minusDays(200), Scenario.TODAY.minusDays(1));
                        } else if (validity == 1) {
                            scenario.licenceValidity(id, Scenario.TODAY.plusDays(2), Scenario.TODAY.plusDays(400));
                        }
                        if (random.nextInt(6) == 0) {
                            scenario.licenceStatus(id, pick(List.of(LicenceStatus.SUSPENDED, LicenceStatus.REVOKED,
                                    LicenceStatus.REQUESTED)), "officer's decision", scenario.now);
                        }
                    }
                }
            }
        }

        private void receiveOrders() {
            int count = 1 + random.nextInt(3);
            Order[] received = new Order[count];
            for (int i = 0; i < count; i++) {
                CustomerClass customerClass = pick(List.of(CustomerClass.values()));
                String technology = random.nextInt(12) == 0 ? "UA-UNKNOWN-1" : pick(TECHNOLOGIES);
                long quantity = 1 + random.nextInt(random.nextBoolean() ? 60 : 600);
                int days = 1 + random.nextInt(45);
                received[i] = customerClass == CustomerClass.EXPORT
                        ? scenario.export(technology, quantity, days, pick(COUNTRIES),
                                random.nextInt(10) == 0 ? "de-munich" : pick(CENTRES))
                        : scenario.order(customerClass, technology, quantity, days);
            }
            scenario.record(received);
            pass(List.of(received), false);
        }

        private void changeTheNetwork(int dice) {
            List<String> lineIds = new ArrayList<>(scenario.lines.keySet());
            List<String> licenceIds = new ArrayList<>(scenario.licences.keySet());
            if (dice < 58) {
                scenario.lineState(pick(lineIds), pick(List.of(LineState.values())), DowntimeReason.POWER,
                        scenario.now);
            } else if (dice < 63) {
                scenario.lineCapacity(pick(lineIds), random.nextInt(35));
            } else if (dice < 70 && !licenceIds.isEmpty()) {
                String id = pick(licenceIds);
                switch (random.nextInt(4)) {
                    case 0 -> scenario.licenceStatus(id, pick(List.of(LicenceStatus.values())), "officer", scenario.now);
                    case 1 -> scenario.licenceCap(id, random.nextInt(1500));
                    case 2 -> scenario.licenceTerritories(id, territories());
                    default -> scenario.licenceStatus(id, LicenceStatus.GRANTED, "reinstated", scenario.now);
                }
            } else if (dice < 75) {
                scenario.factoryStatus(pick(FACTORIES), random.nextBoolean() ? FactoryStatus.SUSPENDED
                        : FactoryStatus.ACTIVE, "network admin", scenario.now);
            } else if (dice < 78) {
                scenario.factoryStatus(pick(CENTRES), random.nextBoolean() ? FactoryStatus.SUSPENDED
                        : FactoryStatus.ACTIVE, "network admin", scenario.now);
            } else if (dice < 93 && !scenario.active.isEmpty()) {
                Allocation allocation = pick(new ArrayList<>(scenario.active.values()));
                scenario.produce(allocation.id(), 1 + random.nextInt((int) Math.min(allocation.outstanding(), 200)));
            } else {
                scenario.now = scenario.now.plus(Duration.ofHours(1 + random.nextInt(72)));
            }
        }

        /** One routing pass, checked: deterministic, invariants kept, and stable (a pass right after changes nothing). */
        private void pass(List<Order> received, boolean reroute) {
            Network network = scenario.network();
            Commitments commitments = scenario.commitments();
            List<OpenOrder> open = scenario.openOrders();
            RoutingResult result = reroute
                    ? scenario.engine.reroute(network, commitments, open, scenario.now, ids("P" + step))
                    : scenario.engine.route(network, commitments, open, received, scenario.now, ids("P" + step));
            if (replayEachPass) {
                RoutingResult again = reroute
                        ? scenario.engine.reroute(network, commitments, open, scenario.now, ids("P" + step))
                        : scenario.engine.route(network, commitments, open, received, scenario.now, ids("P" + step));
                require(again.equals(result), "the same inputs give the same result: %s against %s", result, again);
            }

            scenario.apply(result);
            checkInvariants(result, received);

            if (!passAgainAfterEach) {
                return;
            }
            RoutingResult after = scenario.engine.reroute(scenario.network(), scenario.commitments(),
                    scenario.openOrders(), scenario.now, ids("Q" + step));
            require(after.created().isEmpty(), "a pass right after places nothing new: %s", after.created());
            require(after.withdrawn().isEmpty(), "a pass right after withdraws nothing: %s", after.withdrawn());
        }

        /**
         * Plain checks rather than assertion chains: they run a few hundred times per case, for over a hundred
         * thousand cases.
         */
        private void checkInvariants(RoutingResult result, List<Order> received) {
            LocalDate today = LocalDate.ofInstant(scenario.now, ZoneOffset.UTC);
            int horizon = scenario.engine.policy().horizonDays();
            Map<String, List<Allocation>> byLine = scenario.active.values().stream()
                    .collect(Collectors.groupingBy(Allocation::lineId));
            Map<String, Long> byLicence = scenario.active.values().stream()
                    .collect(Collectors.groupingBy(Allocation::licenceId, Collectors.summingLong(Allocation::outstanding)));

            for (Line line : scenario.lines.values()) {
                long outstanding = byLine.getOrDefault(line.id(), List.of()).stream()
                        .mapToLong(Allocation::outstanding).sum();
                require(outstanding <= (long) Math.max(0, line.capacityPerDay()) * horizon,
                        "never over capacity: %s holds %d", line, outstanding);
            }
            for (Licence licence : scenario.licences.values()) {
                long outstanding = byLicence.getOrDefault(licence.id(), 0L);
                require(outstanding <= licence.remainingQuota(),
                        "never over remaining quota, summed over its lines: %s holds %d", licence, outstanding);
            }
            Set<String> createdNow = result.created().stream().map(Allocation::id).collect(Collectors.toSet());
            for (Allocation allocation : scenario.active.values()) {
                Order order = scenario.orders.get(allocation.orderId());
                Line line = scenario.lines.get(allocation.lineId());
                Licence licence = scenario.licences.get(allocation.licenceId());
                require(!allocation.plannedFinish().isAfter(endOf(licence)),
                        "never planned past its licence's last day: %s", allocation);
                if (createdNow.contains(allocation.id())) {
                    for (Allocation sibling : byLine.get(allocation.lineId())) {
                        Licence other = scenario.licences.get(sibling.licenceId());
                        if (sibling.orderId().equals(allocation.orderId()) && createdNow.contains(sibling.id())
                                && other.validTo().isAfter(licence.validTo())) {
                            require(!allocation.plannedStart().isAfter(sibling.plannedStart()),
                                    "expiring licence's work first: %s before %s", allocation, sibling);
                        }
                    }
                }
                require(lineMayBuild(line, order), "line may build %s", allocation);
                require(licenceValid(licence, line, order, today), "never a line without a valid licence: %s",
                        allocation);
                if (order.isExport()) {
                    require(licence.activities().contains(LicenceActivity.EXPORT)
                            && licence.exportTerritories().contains(order.destinationCountry()),
                            "never an export beyond its licence's territories: %s", allocation);
                    Factory centre = scenario.factories.get(order.exportCentreId());
                    require(centre.kind() == FactoryKind.EXPORT_CENTRE && centre.status() == FactoryStatus.ACTIVE,
                            "export centre open: %s", allocation);
                }
            }

            // a higher class never waits for a lower one: waiting higher-class work could take every line holding
            // lower-class work it may use; and no new work starts after lower-class work
            List<OpenOrder> open = scenario.openOrders();
            for (OpenOrder waiting : open) {
                if (waiting.unplaced() == 0) {
                    continue;
                }
                Order higher = waiting.order();
                for (Allocation lower : scenario.active.values()) {
                    if (lower.customerClass().compareTo(higher.customerClass()) > 0
                            && lower.technologyCode().equals(higher.technologyCode())) {
                        Line line = scenario.lines.get(lower.lineId());
                        boolean usable = lineMayBuild(line, higher) && scenario.licences.values().stream()
                                .anyMatch(l -> licenceValid(l, line, higher, today) && l.remainingQuota() > 0);
                        require(!usable, "%s waits while lower-class %s holds %s", higher, lower, line.id());
                    }
                }
                if (higher.customerClass() != CustomerClass.EXPORT) {
                    require(result.created().stream().noneMatch(a -> a.customerClass() == CustomerClass.EXPORT
                            && a.technologyCode().equals(higher.technologyCode())),
                            "surplus rule: no export placed while %s waits", higher);
                }
            }
            for (Allocation placed : result.created()) {
                Line line = scenario.lines.get(placed.lineId());
                long higherOrEqual = byLine.get(placed.lineId()).stream()
                        .filter(a -> !a.id().equals(placed.id())
                                && a.customerClass().compareTo(placed.customerClass()) <= 0)
                        .mapToLong(Allocation::outstanding).sum();
                long latestStart = -Math.floorDiv(-higherOrEqual * DAY, line.capacityPerDay());
                require(Duration.between(scenario.now, placed.plannedStart()).toSeconds() <= latestStart,
                        "%s starts after no lower-class work", placed);
                require(placed.plannedFinish().isAfter(placed.plannedStart()), "%s takes time", placed);
            }

            // within a class (or above it), the earlier date first: an order waiting entirely while a line holds
            // unstarted later-dated work of its class, on which it could be built by its date, breaks 15 CFR 700.14
            for (OpenOrder waiting : open) {
                Order earlier = waiting.order();
                if (waiting.unplaced() != earlier.quantity() || earlier.quantity() <= 0) {
                    continue;
                }
                for (Line line : scenario.lines.values()) {
                    List<Allocation> onLine = byLine.getOrDefault(line.id(), List.of());
                    if (onLine.stream().anyMatch(a -> Ranking.yieldsTo(a, earlier))) {
                        require(!couldMeetItsDateOn(line, onLine, earlier, today, horizon),
                                "%s waits while %s holds later-dated work that could have made way", earlier, line);
                    }
                }
            }

            // nothing lost, nothing counted twice
            Map<String, Long> activeByOrder = scenario.active.values().stream()
                    .collect(Collectors.groupingBy(Allocation::orderId, Collectors.summingLong(Allocation::quantity)));
            for (Order order : scenario.orders.values()) {
                if (scenario.rejected.contains(order.id()) || !scenario.unplaced.containsKey(order.id())) {
                    continue;
                }
                long accounted = scenario.unplaced.get(order.id()) + activeByOrder.getOrDefault(order.id(), 0L)
                        + scenario.producedUnderWithdrawn.getOrDefault(order.id(), 0L)
                        + scenario.producedUnderCompleted.getOrDefault(order.id(), 0L);
                require(accounted == order.quantity(), "units of %s accounted for: %d", order, accounted);
                require(scenario.unplaced.get(order.id()) >= 0, "unplaced of %s not negative", order);
            }

            // every decision explains every line of its technology, and is true to the allocations it lists
            Set<String> decided = new HashSet<>();
            Set<Allocation> createdSet = new HashSet<>(result.created());
            Set<Withdrawal> withdrawnSet = new HashSet<>(result.withdrawn());
            for (OrderDecision decision : result.decisions()) {
                decided.add(decision.orderId());
                Order order = scenario.orders.get(decision.orderId());
                List<String> technologyLines = scenario.lines.values().stream()
                        .filter(l -> l.technologyCode().equals(order.technologyCode())).map(Line::id).toList();
                if (!decision.candidates().isEmpty() || decision.created().isEmpty()) {
                    require(decision.candidates().stream().map(CandidateLine::lineId).toList()
                            .equals(technologyLines), "every line explained once: %s", decision);
                }
                require(decision.summary() != null && !decision.summary().isBlank(), "summary: %s", decision);
                Set<String> chosenLines = new HashSet<>();
                for (CandidateLine candidate : decision.candidates()) {
                    require(candidate.explanation() != null && !candidate.explanation().isBlank(),
                            "explained: %s", candidate);
                    if (candidate.verdict() != Verdict.CHOSEN) {
                        continue;
                    }
                    chosenLines.add(candidate.lineId());
                    List<Allocation> onLine = decision.created().stream()
                            .filter(a -> a.lineId().equals(candidate.lineId())).toList();
                    require(onLine.stream().mapToLong(Allocation::quantity).sum() == candidate.quantity(),
                            "decision true to its allocations: %s", candidate);
                    require(onLine.stream().anyMatch(a -> a.licenceId().equals(candidate.licenceId())),
                            "names a licence it draws on: %s of %s", candidate, onLine);
                    String factory = scenario.lines.get(candidate.lineId()).factoryId();
                    boolean severalLicences = scenario.licences.values().stream().filter(l -> l.factoryId()
                            .equals(factory) && l.technologyCode().equals(order.technologyCode())).count() > 1;
                    for (Allocation a : onLine) {
                        require(!severalLicences || candidate.explanation().contains("licence " + a.licenceId()
                                + " (") && candidate.explanation().contains(a.quantity() + " units"),
                                "says which licence %s draws on: %s", a, candidate);
                    }
                }
                require(chosenLines.equals(decision.created().stream().map(Allocation::lineId)
                        .collect(Collectors.toSet())), "chosen lines are those placed on: %s", decision);
                for (Allocation placed : decision.created()) {
                    require(createdSet.contains(placed) && placed.orderId().equals(decision.orderId()),
                            "decision lists what was placed for it: %s", placed);
                }
                for (Withdrawal gone : decision.withdrawn()) {
                    require(withdrawnSet.contains(gone) && gone.allocation().orderId().equals(decision.orderId()),
                            "decision lists what was withdrawn from it: %s", gone);
                }
            }
            for (Order order : received) {
                require(decided.contains(order.id()), "decision for received %s", order);
            }
        }

        private static void require(boolean holds, String what, Object... details) {
            if (!holds) {
                throw new AssertionError(String.format(what, details));
            }
        }

        /**
         * Whether the whole order could be built on the line by its needed-by date under one valid licence, counting
         * only the work it may not displace: higher classes, and of its class what is needed no later or started.
         */
        private boolean couldMeetItsDateOn(Line line, List<Allocation> onLine, Order order, LocalDate today,
                int horizon) {
            if (!lineMayBuild(line, order) || line.capacityPerDay() <= 0) {
                return false;
            }
            long firmAll = 0;
            long firmAhead = 0;
            for (Allocation a : onLine) {
                if (firm(a, order)) {
                    firmAll += a.outstanding();
                    if (a.customerClass().compareTo(order.customerClass()) < 0 || a.neededBy().isBefore(order.neededBy())
                            || a.neededBy().equals(order.neededBy()) && a.orderSequence() < order.sequence()) {
                        firmAhead += a.outstanding();
                    }
                }
            }
            if (firmAll + order.quantity() > (long) line.capacityPerDay() * horizon) {
                return false;
            }
            for (Licence licence : scenario.licences.values()) {
                if (!licenceValid(licence, line, order, today) || licence.remainingQuota() <= 0) {
                    continue;
                }
                LocalDate last = licence.validTo().isBefore(order.neededBy()) ? licence.validTo() : order.neededBy();
                long seconds = Duration.between(scenario.now, last.plusDays(1).atStartOfDay(ZoneOffset.UTC)
                        .toInstant()).toSeconds();
                long byDate = Math.floorDiv((long) line.capacityPerDay() * seconds, DAY);
                long firmQuota = scenario.active.values().stream()
                        .filter(a -> a.licenceId().equals(licence.id()) && firm(a, order))
                        .mapToLong(Allocation::outstanding).sum();
                if (firmAhead + order.quantity() <= byDate
                        && licence.remainingQuota() - firmQuota >= order.quantity()) {
                    return true;
                }
            }
            return false;
        }

        private static boolean firm(Allocation allocation, Order order) {
            int byClass = allocation.customerClass().compareTo(order.customerClass());
            return byClass < 0 || byClass == 0 && !Ranking.yieldsTo(allocation, order);
        }

        private static Instant endOf(Licence licence) {
            return licence.validTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        /** The rules, written out again independently of the engine. */
        private boolean lineMayBuild(Line line, Order order) {
            if (line == null || !line.technologyCode().equals(order.technologyCode())
                    || !(line.state() == LineState.RUNNING || line.state() == LineState.IDLE)) {
                return false;
            }
            Factory factory = scenario.factories.get(line.factoryId());
            if (factory == null || factory.status() != FactoryStatus.ACTIVE) {
                return false;
            }
            if (order.isExport()) {
                Factory centre = scenario.factories.get(order.exportCentreId());
                return centre != null && centre.kind() == FactoryKind.EXPORT_CENTRE
                        && centre.status() == FactoryStatus.ACTIVE;
            }
            return true;
        }

        private static boolean licenceValid(Licence licence, Line line, Order order, LocalDate today) {
            boolean valid = licence != null && licence.status() == LicenceStatus.GRANTED
                    && licence.factoryId().equals(line.factoryId())
                    && licence.technologyCode().equals(order.technologyCode())
                    && !today.isBefore(licence.validFrom()) && !today.isAfter(licence.validTo())
                    && licence.activities().contains(LicenceActivity.PRODUCE);
            if (valid && order.isExport()) {
                valid = licence.activities().contains(LicenceActivity.EXPORT)
                        && licence.exportTerritories().contains(order.destinationCountry());
            }
            return valid;
        }

        private Set<String> territories() {
            Set<String> territories = new HashSet<>();
            for (String country : COUNTRIES) {
                if (random.nextBoolean()) {
                    territories.add(country);
                }
            }
            return territories;
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private static Supplier<String> ids(String prefix) {
            int[] next = { 0 };
            return () -> prefix + "-" + (++next[0]);
        }
    }
}
