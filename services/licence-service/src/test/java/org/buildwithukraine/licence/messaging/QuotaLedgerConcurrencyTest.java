package org.buildwithukraine.licence.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.asOfficer;
import static org.buildwithukraine.licence.Fixtures.decide;
import static org.buildwithukraine.licence.Fixtures.factoryEvent;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.outputEvent;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.buildwithukraine.licence.Fixtures.uniqueId;
import static org.buildwithukraine.licence.Fixtures.with;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.licence.Fixtures.Output;
import org.buildwithukraine.licence.TestInfrastructure;
import org.buildwithukraine.testsupport.DirectBatch;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * One licence charged at once by two lines' output through two replicas of the line.output consumer (threads of
 * this JVM on the one database, as two pods would be, each taking polls of one to {@value #MAX_POLL} records), while an officer suspends, reinstates and raises the cap
 * and the factory is suspended and reinstated through a replica of the factory.events consumer. Every report is
 * delivered once, some twice (to both replicas at the same moment, as after a rebalance) and some announced again
 * under a new event id. Whatever the interleaving: no deadlock, every report counted once, the units the licence
 * consumed are the units charged to it, never more than its cap, and its exhaustion decided once.
 *
 * <p>Seeded: {@code -Dbwu.race.seed=<n>} replays an interleaving of work (not of threads); the seed is in every
 * assertion's description.
 */
@QuarkusTest
class QuotaLedgerConcurrencyTest {

    private static final long SEED = Long.getLong("bwu.race.seed", 20_261_202L);
    private static final int REPORTS_PER_LINE = 50;
    private static final long INITIAL_CAP = 300;
    private static final long CAP_RAISE = 40;
    private static final int MAX_POLL = 8;

    @Inject
    LineOutputConsumer lineOutput;

    @Inject
    FactoryEventsConsumer factoryEvents;

    private final DirectBatch batches = new DirectBatch();
    private final AtomicInteger delivered = new AtomicInteger();
    private final Set<Integer> officerAnswers = ConcurrentHashMap.newKeySet();

    @Test
    void twoLinesThroughTwoReplicasChargeOneLicenceWhileTheOfficerAndTheFactoryChangeIt() throws Exception {
        Random random = new Random(SEED);
        String factory = activeFactory("de-race");
        String technology = technology();
        String id = grant(with(licence(technology, factory), "quantityCap", INITIAL_CAP));
        // all output was made while the licence was GRANTED: what it is charged depends on the races only
        Instant madeAt = Instant.now();
        await().until(() -> Instant.now().isAfter(madeAt));

        long reported = 0;
        List<List<String>> reports = new ArrayList<>();
        for (String line : List.of(uniqueId("DE-RACE-A"), uniqueId("DE-RACE-B"))) {
            for (int i = 0; i < REPORTS_PER_LINE; i++) {
                long units = 1 + random.nextInt(12);
                reported += units;
                Output output = outputEvent(line, factory, technology, units, "report-" + i, madeAt);
                List<String> deliveries = new ArrayList<>(List.of(output.json()));
                if (random.nextInt(10) < 3) {
                    deliveries.add(output.json());
                }
                if (random.nextInt(10) < 2) {
                    deliveries.add(outputEvent(line, factory, technology, units, "report-" + i, madeAt).json());
                }
                reports.add(deliveries);
            }
        }
        Collections.shuffle(reports, random);
        // a report's deliveries one after the other: the two replicas take them at the same moment
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
        reports.forEach(queue::addAll);
        int total = queue.size();
        long deadlocksBefore = deadlocks();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CyclicBarrier start = new CyclicBarrier(4);
        List<Future<?>> workers = new ArrayList<>();
        AtomicLong offsets = new AtomicLong();
        for (int replica = 0; replica < 2; replica++) {
            int partition = replica;
            // polls of 1 to MAX_POLL records, as the consumer's batches come; sizes seeded per replica
            Random polls = new Random(SEED + replica);
            workers.add(pool.submit(() -> {
                start.await();
                while (true) {
                    List<String> poll = new ArrayList<>();
                    for (int size = 1 + polls.nextInt(MAX_POLL), i = 0; i < size; i++) {
                        String json = queue.poll();
                        if (json != null) {
                            poll.add(json);
                        }
                    }
                    if (poll.isEmpty()) {
                        return null;
                    }
                    lineOutput.onLineOutput(batches.of(Topics.LINE_OUTPUT, partition,
                            offsets.getAndAdd(poll.size()), "line", poll)).toCompletableFuture().join();
                    delivered.addAndGet(poll.size());
                }
            }));
        }
        workers.add(pool.submit(() -> {
            start.await();
            for (double share : new double[] { 0.1, 0.35, 0.6 }) {
                awaitDelivered((int) (total * share));
                officerSuspendsAndReinstates(id);
                raiseCap(id);
            }
            return null;
        }));
        workers.add(pool.submit(() -> {
            start.await();
            for (double share : new double[] { 0.2, 0.45, 0.7 }) {
                awaitDelivered((int) (total * share));
                factoryChanges(factory, FactoryEventTypes.SUSPENDED, FactoryStatus.SUSPENDED);
                awaitDelivered((int) (total * (share + 0.1)));
                factoryChanges(factory, FactoryEventTypes.REINSTATED, FactoryStatus.ACTIVE);
            }
            return null;
        }));
        try {
            for (Future<?> worker : workers) {
                worker.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        String seed = "seed " + SEED;
        assertThat(batches.parked()).as("records parked, %s", seed).isEmpty();
        JsonPath licence = asOfficer().get("/api/licences/{id}", id).then().statusCode(200).extract().jsonPath();
        long consumed = licence.getLong("unitsConsumed");
        long cap = licence.getLong("quantityCap");
        String status = licence.getString("status");

        assertThat(officerAnswers).as(seed).isSubsetOf(200, 409);
        assertThat(queryLong("select count(*) from quota_ledger where factory_id = ? and technology_code = ?",
                factory, technology)).as("reports in the ledger, %s", seed).isEqualTo(2L * REPORTS_PER_LINE);
        assertThat(queryLong("select sum(good_units) from quota_ledger where factory_id = ? and technology_code = ?",
                factory, technology)).as("units in the ledger, %s", seed).isEqualTo(reported);
        long charged = queryLong("select coalesce(sum(units), 0) from quota_charge where licence_id = ?", id);
        long unlicensed = queryLong("select sum(units_unlicensed) from quota_ledger where factory_id = ? "
                + "and technology_code = ?", factory, technology);
        assertThat(charged + unlicensed).as("charged and unlicensed, %s", seed).isEqualTo(reported);
        assertThat(consumed).as("units consumed, %s", seed).isEqualTo(charged).isLessThanOrEqualTo(cap);

        long charges = queryLong("select count(*) from quota_charge where licence_id = ?", id);
        // a charge that uses the quota up while the licence is suspended consumes it; the reinstatement that
        // follows exhausts it then, an EXHAUST (and its event) without a charge of its own
        long exhaustedOnReinstatement = queryLong("select count(*) from licence_audit where licence_id = ? and "
                + "action = 'EXHAUST' and reason like '%used up while suspended'", id);
        assertThat(queryLong("select count(*) from licence_audit where licence_id = ? and action in "
                + "('CONSUME_QUOTA', 'EXHAUST')", id)).as("audited charges, %s", seed)
                .isEqualTo(charges + exhaustedOnReinstatement);
        // the charges of a poll are announced once, after the last of them (LineOutputBatchesTest): no more
        // announcements than charges, and the licence's latest event says where every charge left it
        assertThat(queryLong("select count(*) from outbox_event where aggregate_id = ? and event_type in "
                + "('LicenceQuotaConsumed', 'LicenceExhausted')", id)).as("announced charges, %s", seed)
                .isBetween(1L, charges + exhaustedOnReinstatement);
        assertThat(queryLong("select envelope #>> '{payload,unitsConsumed}' from outbox_event where aggregate_id = ? "
                + "order by position desc limit 1", id)).as("units consumed as last announced, %s", seed)
                .isEqualTo(consumed);

        assertThat(status).as("%s: nothing keeps it suspended", seed).isIn("GRANTED", "EXHAUSTED");
        assertThat(status.equals("EXHAUSTED")).as("%s: exhausted exactly when its quota (%d of %d) is used up",
                seed, consumed, cap).isEqualTo(consumed == cap);
        assertThat(queryLong("select count(*) from licence_audit where licence_id = ? and action = 'EXHAUST'", id))
                .as("exhaustions, %s", seed).isEqualTo(status.equals("EXHAUSTED") ? 1 : 0);
        assertThat(queryLong("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'LicenceExhausted'", id)).as("exhaustions announced, %s", seed)
                .isEqualTo(status.equals("EXHAUSTED") ? 1 : 0);

        assertThat(deadlocks() - deadlocksBefore).as("deadlocks in the database, %s", seed).isZero();
    }

    /** Suspends the licence and, once nothing else holds it, reinstates it; a 409 when the licence is not GRANTED. */
    private void officerSuspendsAndReinstates(String id) {
        int suspended = decide(id, "suspend", "inspection").extract().statusCode();
        officerAnswers.add(suspended);
        if (suspended != 200) {
            return;
        }
        // refused while the factory's suspension also holds it; the factory's reinstatement comes
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            int reinstated = decide(id, "reinstate", "inspection passed").extract().statusCode();
            officerAnswers.add(reinstated);
            return reinstated == 200;
        });
    }

    private void raiseCap(String id) {
        long cap = ((Number) asOfficer().get("/api/licences/{id}", id).then().statusCode(200).extract()
                .path("quantityCap")).longValue();
        officerAnswers.add(asOfficer().body(Map.of("quantityCap", cap + CAP_RAISE, "reason", "more needed"))
                .patch("/api/licences/{id}", id).then().extract().statusCode());
    }

    private void factoryChanges(String factory, String type, FactoryStatus status) {
        factoryEvents.onFactoryEvent(new ConsumerRecord<>(Topics.FACTORY_EVENTS, 0, 0, factory,
                factoryEvent(factory, type, status, "race")));
    }

    private void awaitDelivered(int count) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5)).until(() -> delivered.get() >= count);
    }

    private static long deadlocks() {
        return queryLong("select deadlocks from pg_stat_database where datname = ?", TestInfrastructure.DATABASE);
    }
}
