package org.buildwithukraine.routing.order.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.events.order.OrderState;
import org.buildwithukraine.routing.Fixtures;
import org.buildwithukraine.routing.Fixtures.TestNetwork;
import org.buildwithukraine.routing.engine.RoutingResult;
import org.buildwithukraine.routing.network.LineView;
import org.buildwithukraine.routing.network.service.NetworkViews;
import org.buildwithukraine.routing.order.CustomerOrder;
import org.buildwithukraine.routing.order.service.OrderService.Arrival;
import org.buildwithukraine.routing.order.service.StatementCounter.Counted;
import org.buildwithukraine.kit.web.PageRequest;
import org.hibernate.Session;
import org.hibernate.engine.spi.EntityKey;
import org.junit.jupiter.api.Test;

import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Round trips to the database of routing, counted without a clock, so that it fails on a lost batch, not on a slow
 * machine: a placement costs the same whatever the number of open orders of its technology, and a pass placing eight
 * orders together as much as one placing two; the network views are read again only after they changed; a line
 * going down moves its work in as many statements for 32 allocations as for 8 (the loads are one query each, and
 * every write, decision records included, goes out in JDBC batches of up to 100).
 */
@QuarkusTest
class RoutingRoundTripsTest {

    @Inject
    OrderService orders;
    @Inject
    Router router;
    @Inject
    RoutingLocks locks;
    @Inject
    NetworkViews views;
    @Inject
    EntityManager entityManager;

    /**
     * A placement among many open orders of its technology reads them as values: the entities it loads, and the
     * statements it sends, are those of the placement alone, not one per open order or allocation.
     */
    @Test
    void placingAnOrderLoadsAndWritesOnlyWhatItChanges() {
        Counted<Integer> few = placeAmongOpenOrders(4);
        Counted<Integer> many = placeAmongOpenOrders(24);

        assertThat(many.result()).isEqualTo(few.result());
        assertThat(many.statements()).isEqualTo(few.statements());
    }

    /** Places one more small order after the given number, in a transaction of its own. */
    private Counted<Integer> placeAmongOpenOrders(int open) {
        TestNetwork network = TestNetwork.of(1000, 10);
        for (int i = 0; i < open; i++) {
            place(network, 1);
        }
        return QuarkusTransaction.requiringNew().call(() -> StatementCounter.counting(() -> {
            placeInTurn(network, 1);
            entityManager.flush();
            return entityManager.unwrap(Session.class).getStatistics().getEntityCount();
        }));
    }

    /**
     * Orders that arrive together are decided in one pass: the reads happen once, the writes go out in the same
     * batches, so eight orders take as many statements as two.
     */
    @Test
    void ordersDecidedInOnePassTakeAsManyRoundTripsForManyAsForFew() {
        Counted<List<CustomerOrder>> few = placeTogether(2);
        Counted<List<CustomerOrder>> many = placeTogether(8);

        assertThat(few.result()).hasSize(2).allMatch(order -> order.state() == OrderState.ROUTED);
        assertThat(many.result()).hasSize(8).allMatch(order -> order.state() == OrderState.ROUTED);
        assertThat(many.statements()).as("statements of 8 orders against %s of 2", few.statements())
                .isEqualTo(few.statements());
    }

    private Counted<List<CustomerOrder>> placeTogether(int count) {
        TestNetwork network = TestNetwork.of(1000, 10);
        place(network, 1);
        return QuarkusTransaction.requiringNew().call(() -> StatementCounter.counting(() -> {
            List<CustomerOrder> placed = placeInTurn(network, count);
            entityManager.flush();
            return placed;
        }));
    }

    /**
     * The views are read again only once they changed: here the change comes through the same service, but the
     * loader hears of it only from the version the change wrote, exactly as it would from another replica.
     */
    @Test
    void aPassReadsTheViewsAgainOnlyAfterTheyChanged() {
        TestNetwork network = TestNetwork.of(10, 1000);
        String slow = network.lines().get(0);
        String fast = network.lines().get(1);
        place(network, 1);
        assertThat(placeReadingLines(network)).isEmpty();

        QuarkusTransaction.requiringNew().run(() -> {
            locks.technologies(Set.of(network.technology()));
            views.line(LineView.findById(fast), Fixtures.line(fast, network.factories().get(1),
                    network.technology(), 1000, LineState.DOWN));
        });
        assertThat(placeReadingLines(network)).containsExactlyInAnyOrder(slow, fast);
        assertThat(placeReadingLines(network)).isEmpty();
        List<String> newestFirst = QuarkusTransaction.requiringNew().call(() -> orders
                .list(new OrderFilter(null, null, network.technology()), new PageRequest(0, 10)).items().stream()
                .map(order -> orders.allocations(order.id()).get(0).lineId()).toList());
        assertThat(newestFirst).containsExactly(slow, slow, fast, fast);
    }

    /** @return the line views the placement's transaction read */
    private List<String> placeReadingLines(TestNetwork network) {
        return QuarkusTransaction.requiringNew().call(() -> {
            placeInTurn(network, 1);
            return entityManager.unwrap(Session.class).getStatistics().getEntityKeys().stream()
                    .map(EntityKey.class::cast).filter(key -> key.getEntityName().equals(LineView.class.getName()))
                    .map(key -> (String) key.getIdentifier()).toList();
        });
    }

    /** Places the given number of small orders in one pass, in a transaction of its own. */
    private List<CustomerOrder> place(TestNetwork network, int count) {
        return QuarkusTransaction.requiringNew().call(() -> placeInTurn(network, count));
    }

    /** Places the given number of small orders in one pass, in the caller's transaction. */
    private List<CustomerOrder> placeInTurn(TestNetwork network, int count) {
        List<Arrival> arrivals = Collections.nCopies(count, new Arrival(smallOrder(network), "desk", Context.root()));
        return orders.placeInTurn(network.technology(), () -> arrivals);
    }

    private static NewOrder smallOrder(TestNetwork network) {
        return new NewOrder(CustomerClass.UA_DEFENCE, "Armed Forces of Ukraine", network.technology(), 5,
                Fixtures.TODAY.plusDays(30), null, null);
    }

    @Test
    void reroutingALineTakesAsManyRoundTripsForManyAllocationsAsForFew() {
        Counted<RoutingResult> few = rerouteOffDownedLine(8);
        Counted<RoutingResult> many = rerouteOffDownedLine(32);

        assertThat(few.result().withdrawn()).hasSize(8);
        assertThat(few.result().created()).hasSize(8);
        assertThat(many.result().withdrawn()).hasSize(32);
        assertThat(many.result().created()).hasSize(32);
        assertThat(many.statements()).as("statements of 32 moved against %s of 8", few.statements())
                .isEqualTo(few.statements());
    }

    /** Places the given number of small orders, which all go to the fast line, then takes that line down. */
    private Counted<RoutingResult> rerouteOffDownedLine(int allocations) {
        TestNetwork network = TestNetwork.of(1000, 10);
        for (int i = 0; i < allocations; i++) {
            place(network, 1);
        }
        String downed = network.lines().get(0);
        return QuarkusTransaction.requiringNew().call(() -> {
            locks.technologies(Set.of(network.technology()));
            views.line(LineView.findById(downed), Fixtures.line(downed, network.factories().get(0),
                    network.technology(), 1000, LineState.DOWN));
            entityManager.flush();
            return StatementCounter.counting(() -> {
                RoutingResult result = router.route(network.technology(), true, "line " + downed
                        + " DOWN", NetworkChanges.ACTOR);
                entityManager.flush();
                return result;
            });
        });
    }
}
