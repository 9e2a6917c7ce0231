package org.buildwithukraine.factory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.factory.Requests.changeStatus;
import static org.buildwithukraine.factory.Requests.register;
import static org.buildwithukraine.factory.Requests.uniqueId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.factory.service.FactoryService;
import org.buildwithukraine.factory.service.NewFactory;
import org.buildwithukraine.kit.outbox.OutboxBacklog;
import org.buildwithukraine.kit.outbox.OutboxRelay;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxRelayTest {

    @RegisterExtension
    static final TopicRecorder factoryEvents = TopicRecorder.of(Topics.FACTORY_EVENTS);

    @Inject
    FactoryService factories;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxBacklog backlog;

    @Inject
    Scheduler scheduler;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Test
    void aRolledBackChangePublishesNothing() {
        String id = uniqueId("rolled-back");
        QuarkusTransaction.begin();
        factories.register(new NewFactory(id, "Never was", "DE", FactoryKind.MANUFACTURER,
                EnumSet.of(TechnologyCategory.FPV_DRONE)), "netadmin");
        QuarkusTransaction.rollback();

        String marker = uniqueId("marker");
        register(marker);
        factoryEvents.awaitEvents(marker, 1);
        assertThat(factoryEvents.eventsFor(id)).isEmpty();
        assertThat(outboxRows(id)).isZero();
    }

    @Test
    void eventsCommittedWhileTheRelayIsStoppedArePublishedWhenItStartsAndTheBacklogShowsMeanwhile() throws Exception {
        String id = uniqueId("relay-stopped");
        scheduler.pause("outbox-relay");
        try {
            await().until(() -> !scheduler.isRunning() || scheduler.isPaused("outbox-relay"));
            waitOutARelayPassUnderWay();
            register(id);
            changeStatus(id, "ACTIVE", "onboarded").statusCode(200);
            await().until(() -> backlog.oldestPendingSeconds() > 0.5);
            assertThat(factoryEvents.eventsFor(id)).isEmpty();
            assertThat(unpublishedRows(id)).isEqualTo(2);
            assertThat(backlog.pending()).isGreaterThanOrEqualTo(2);
            assertThat(backlog.oldestPendingSeconds()).isGreaterThan(0.5);
        } finally {
            scheduler.resume("outbox-relay");
        }
        assertThat(factoryEvents.awaitEvents(id, 2)).extracting(EventEnvelope::type)
                .containsExactly("FactoryRegistered", "FactoryActivated");
        await().until(() -> unpublishedRows(id) == 0);
        await().until(() -> backlog.pending() == 0);
        assertThat(backlog.oldestPendingSeconds()).isZero();
    }

    @Test
    void whileAnotherReplicaHoldsTheRelayLockThisOneWaitsThenTakesOver() throws Exception {
        String id = uniqueId("other-replica");
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement lock = otherReplica.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxRelay.RELAY_LOCK_KEY);
                lock.execute();
            }
            register(id);
            assertThat(relay.publishBatch()).isZero();
            awaitScheduledRelayPassesAfter(Instant.now());
            assertThat(factoryEvents.eventsFor(id)).isEmpty();
            // the other replica dies: its transaction, and with it the lock, is gone
            otherReplica.rollback();
        }
        factoryEvents.awaitEvents(id, 1);
        await().until(() -> unpublishedRows(id) == 0);
    }

    @Test
    void relaysOfSeveralReplicasKeepEveryFactorysEventsInOrder() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(uniqueId("ordered-" + i));
        }
        AtomicBoolean changing = new AtomicBoolean(true);
        ExecutorService replicas = Executors.newFixedThreadPool(3);
        List<Future<?>> relays = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            relays.add(replicas.submit(() -> {
                while (changing.get()) {
                    relay.publishBatch();
                }
                return null;
            }));
        }
        try {
            ids.parallelStream().forEach(id -> {
                register(id);
                for (int round = 0; round < 5; round++) {
                    changeStatus(id, "ACTIVE", "round " + round).statusCode(200);
                    changeStatus(id, "SUSPENDED", "round " + round).statusCode(200);
                }
            });
        } finally {
            changing.set(false);
            for (Future<?> running : relays) {
                running.get();
            }
            replicas.shutdown();
        }
        for (String id : ids) {
            List<String> types = factoryEvents.awaitEvents(id, 11).stream().map(EventEnvelope::type).toList();
            assertThat(types.get(0)).isEqualTo("FactoryRegistered");
            assertThat(types.get(1)).isEqualTo("FactoryActivated");
            for (int i = 2; i < 11; i++) {
                assertThat(types.get(i)).as("event %d of %s", i, id)
                        .isEqualTo(i % 2 == 0 ? "FactorySuspended" : "FactoryReinstated");
            }
            assertThat(factoryEvents.eventsFor(id)).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
        }
    }

    /** A pass holds the relay's advisory lock until its transaction ends: taking the lock waits for it. */
    private void waitOutARelayPassUnderWay() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxRelay.RELAY_LOCK_KEY);
                lock.execute();
            }
            connection.rollback();
        }
    }

    /** Until the scheduler has fired the relay twice since {@code since}: the first of those passes is over. */
    private void awaitScheduledRelayPassesAfter(Instant since) {
        Trigger relayJob = scheduler.getScheduledJob("outbox-relay");
        await().until(() -> relayJob.getPreviousFireTime() != null && relayJob.getPreviousFireTime().isAfter(since));
        Instant first = relayJob.getPreviousFireTime();
        await().until(() -> relayJob.getPreviousFireTime().isAfter(first));
    }

    private long outboxRows(String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(e) from OutboxEvent e where e.aggregateId = :id", Long.class)
                .setParameter("id", aggregateId).getSingleResult());
    }

    private long unpublishedRows(String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(e) from OutboxEvent e where e.aggregateId = :id and e.publishedAt is null",
                        Long.class)
                .setParameter("id", aggregateId).getSingleResult());
    }
}
