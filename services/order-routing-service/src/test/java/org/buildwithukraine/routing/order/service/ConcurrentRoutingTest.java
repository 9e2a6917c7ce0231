package org.buildwithukraine.routing.order.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.routing.Fixtures.order;
import static org.buildwithukraine.routing.Fixtures.place;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.routing.Fixtures;
import org.buildwithukraine.routing.Fixtures.TestNetwork;
import org.buildwithukraine.routing.network.LicenceView;
import org.buildwithukraine.routing.order.AllocationStatus;
import org.buildwithukraine.routing.order.CustomerOrder;
import org.buildwithukraine.routing.order.OrderAllocation;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Orders placed at the same moment, with network events arriving meanwhile, never oversubscribe a line's capacity
 * or a licence's quota. The guarantee is the database's (advisory locks per technology), so it holds for requests
 * served by several replicas as much as by one: nothing in the service's memory serialises them.
 */
@QuarkusTest
class ConcurrentRoutingTest {

    private static final int HORIZON_DAYS = 30;

    @Inject
    DataSource dataSource;

    @Test
    void ordersPlacedInParallelNeverOversubscribeALineOrALicence() throws Exception {
        TestNetwork network = TestNetwork.of(10, 10, 5);
        String tight = network.licences().get(0);
        Fixtures.sendLicence(LicenceEventTypes.AMENDED,
                Fixtures.licence(tight, network.factories().get(0), network.technology(), 200, "LV", "LT"));
        Fixtures.awaitLicence(tight, l -> l.quantityCap == 200);

        String flapping = network.lines().get(2);
        Random random = new Random(42);
        ExecutorService desks = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                String customerClass = List.of("UA_DEFENCE", "PARTNER_DEFENCE", "EXPORT").get(random.nextInt(3));
                Map<String, Object> order = customerClass.equals("EXPORT")
                        ? Fixtures.exportOrder(network.technology(), 10 + random.nextInt(50), 20 + random.nextInt(20),
                                "LV", network.exportCentre())
                        : order(customerClass, network.technology(), 10 + random.nextInt(50), 20 + random.nextInt(20));
                answers.add(desks.submit(() -> place(order)));
                if (i == 20) {
                    Fixtures.sendLine(LineEventTypes.STATUS_CHANGED, Fixtures.line(flapping,
                            network.factories().get(2), network.technology(), 5, LineState.DOWN));
                }
                if (i == 40) {
                    Fixtures.sendLine(LineEventTypes.STATUS_CHANGED, Fixtures.line(flapping,
                            network.factories().get(2), network.technology(), 5, LineState.RUNNING));
                }
            }
            for (Future<Response> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            }
        } finally {
            desks.shutdown();
        }
        Fixtures.awaitLine(flapping, l -> l.state == LineState.RUNNING);
        // the line's return is routed in the consumer's transaction; wait until it has been
        await().atMost(Duration.ofSeconds(30)).until(() -> activeOn(flapping) > 0);

        List<OrderAllocation> active = QuarkusTransaction.requiringNew().call(() -> OrderAllocation.<OrderAllocation>list(
                "technologyCode = ?1 and status = ?2", network.technology(), AllocationStatus.ACTIVE));
        Map<String, Long> byLine = active.stream().collect(Collectors.groupingBy(OrderAllocation::lineId,
                Collectors.summingLong(a -> a.quantity() - a.produced())));
        assertThat(byLine.get(network.lines().get(0))).isLessThanOrEqualTo(10L * HORIZON_DAYS);
        assertThat(byLine.get(network.lines().get(1))).isLessThanOrEqualTo(10L * HORIZON_DAYS);
        assertThat(byLine.get(flapping)).isLessThanOrEqualTo(5L * HORIZON_DAYS);
        Map<String, Long> byLicence = active.stream().collect(Collectors.groupingBy(OrderAllocation::licenceId,
                Collectors.summingLong(a -> a.quantity() - a.produced())));
        for (Map.Entry<String, Long> underLicence : byLicence.entrySet()) {
            LicenceView licence = QuarkusTransaction.requiringNew()
                    .call(() -> LicenceView.<LicenceView>findById(underLicence.getKey()));
            assertThat(underLicence.getValue()).as("quota of %s", licence.id)
                    .isLessThanOrEqualTo(licence.quantityCap - licence.unitsConsumed);
        }
        // the network was oversubscribed on purpose: it is full, and nothing was lost or counted twice
        assertThat(byLine.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(600);
        List<CustomerOrder> orders = QuarkusTransaction.requiringNew().call(() -> CustomerOrder
                .<CustomerOrder>list("technologyCode", network.technology()));
        assertThat(orders).hasSize(60);
        Map<String, Long> placed = active.stream().collect(Collectors.groupingBy(OrderAllocation::orderId,
                Collectors.summingLong(OrderAllocation::quantity)));
        for (CustomerOrder order : orders) {
            assertThat(order.unplaced() + placed.getOrDefault(order.id(), 0L)).as("units of %s", order.id())
                    .isEqualTo(order.quantity());
        }
    }

    @Test
    void whileAnotherReplicaRoutesTheSameTechnologyThisOneWaitsForIt() throws Exception {
        TestNetwork network = TestNetwork.of(10);
        CompletableFuture<Response> placing;
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement network1 = otherReplica.prepareStatement("select pg_advisory_xact_lock_shared(?)");
                    PreparedStatement technology = otherReplica
                            .prepareStatement("select pg_advisory_xact_lock(?, hashtext(?))")) {
                network1.setLong(1, RoutingLocks.NETWORK_KEY);
                network1.execute();
                technology.setInt(1, RoutingLocks.TECHNOLOGY_SPACE);
                technology.setString(2, network.technology());
                technology.execute();
            }
            placing = CompletableFuture.supplyAsync(() -> place(order("UA_DEFENCE", network.technology(), 10, 30)));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !placing.isDone());
            // the other replica's pass ends: its transaction, and with it the lock, is gone
            otherReplica.rollback();
        }
        Response answer = placing.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.jsonPath().getString("state")).isEqualTo("ROUTED");
    }

    private static long activeOn(String lineId) {
        return QuarkusTransaction.requiringNew().call(() -> OrderAllocation.count("lineId = ?1 and status = ?2",
                lineId, AllocationStatus.ACTIVE));
    }
}
