package org.buildwithukraine.routing.order.rest;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.buildwithukraine.kit.idempotency.IdempotentRequests;
import org.buildwithukraine.kit.idempotency.IdempotentRequests.Answer;
import org.buildwithukraine.kit.idempotency.IdempotentRequests.Claim;
import org.buildwithukraine.kit.idempotency.IdempotentRequests.StoredAnswer;
import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.routing.order.CustomerOrder;
import org.buildwithukraine.routing.order.service.NewOrder;
import org.buildwithukraine.routing.order.service.OrderService;
import org.buildwithukraine.routing.order.service.OrderService.Arrival;
import org.buildwithukraine.routing.order.service.RoutingConfig;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;

/**
 * Places the orders of one technology that arrive together in one routing pass and one transaction: a placement
 * that arrives while a pass over its technology runs waits and joins the next one. Per technology (in this
 * replica) one leader at a time, on a thread of its own, takes the technology's advisory lock ({@code RoutingLocks},
 * which still serialises passes across replicas), then takes up to {@code bwu.routing.max-orders-per-pass} orders
 * queued so far, in arrival order; it reserves their Idempotency-Keys, numbers the fresh orders in arrival order,
 * decides them one after the other as single placements would ({@code Router.routeInTurn}), stores each request's
 * answer under its key, and commits everything (orders, allocations, decision records, outbox events, keys) at once.
 * Only then is each waiting request answered with its own order as the pass left it; the next leader starts with
 * what queued meanwhile.
 * <p>
 * <b>Guarantees.</b> The decisions are those of placing the same orders one at a time in arrival order. A pass
 * commits all of its orders or none. Idempotency is the kit's ({@link IdempotentRequests}): a retry is answered the
 * first answer, another body under a used key is 409, and two requests with one key in one pass are decided once
 * (the second is answered the first's answer, or 409 if its body differs); a refused request is answered alone, the
 * others of its pass commit. Each order's events carry its caller and continue its request's trace.
 * <p>
 * <b>Failure modes.</b> A pass that fails (the database, a bug) rolls back and every request of it is answered the
 * failure (503 if the database is out of reach, 500 otherwise); nothing of it was stored, so each retry runs afresh.
 * A request waits at most {@code bwu.routing.placement-timeout}, then is answered 503 with {@code Retry-After}: if
 * its order was still queued it is taken out and never placed; if a pass had taken it, that pass decides it and
 * commits or fails as a whole, unheard by the caller. Either way a retry under the same key tells which: the stored
 * answer if it was placed, a fresh placement if not. A replica that dies loses only its queued requests, which never
 * reached the database; their callers see the connection fail and retry.
 */
@ApplicationScoped
@Startup // its meters are on /q/metrics from the start, not from the first order
public class PlacementPasses {

    private final OrderService orders;
    private final OrderViews views;
    private final IdempotentRequests idempotency;
    private final int maxOrdersPerPass;
    private final long timeoutNanos;
    private final Map<String, TechnologyQueue> queues = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final DistributionSummary ordersPerPass;
    private final ExecutorService leaders;

    public PlacementPasses(OrderService orders, OrderViews views, IdempotentRequests idempotency,
            RoutingConfig config, MeterRegistry registry) {
        this.orders = orders;
        this.views = views;
        this.idempotency = idempotency;
        this.maxOrdersPerPass = config.maxOrdersPerPass();
        this.timeoutNanos = config.placementTimeout().toNanos();
        Gauge.builder("bwu.routing.placements.waiting", waiting, AtomicInteger::get)
                .description("Placements queued for a routing pass that has not taken them yet").register(registry);
        this.ordersPerPass = DistributionSummary.builder("bwu.routing.placements.per.pass")
                .description("Placements decided together in one routing pass").register(registry);
        AtomicLong threads = new AtomicLong();
        // one thread per technology being placed at a moment: few, and each holds one database connection
        this.leaders = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "placement-pass-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        leaders.shutdownNow();
    }

    /**
     * Queues the placement for its technology's next pass and waits for its answer, at most the placement timeout.
     *
     * @param claim the request's claim on its Idempotency-Key, taken on the request's thread
     * @return the answer stored under the key: the new order's, or an earlier request's with the same key and body
     */
    public Response place(NewOrder order, String actor, Claim claim) {
        Placement placement = new Placement(order, actor, claim, Context.current());
        TechnologyQueue queue = enqueue(placement);
        try {
            return placement.answer.get(timeoutNanos, TimeUnit.NANOSECONDS).response();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("The order's routing pass failed", failed.getCause());
        } catch (TimeoutException late) {
            throw gaveUp(queue, placement);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw gaveUp(queue, placement);
        }
    }

    /** Queues the placement; the first to queue for a technology with no leader starts one. */
    private TechnologyQueue enqueue(Placement placement) {
        while (true) {
            TechnologyQueue queue = queues.computeIfAbsent(placement.order.technologyCode(), TechnologyQueue::new);
            synchronized (queue) {
                if (queue.retired) {
                    continue;
                }
                queue.waiting.add(placement);
                waiting.incrementAndGet();
                if (!queue.leading) {
                    queue.leading = true;
                    leaders.execute(() -> lead(queue));
                }
                return queue;
            }
        }
    }

    private ProblemException gaveUp(TechnologyQueue queue, Placement placement) {
        boolean withdrawn;
        synchronized (queue) {
            withdrawn = queue.waiting.remove(placement);
        }
        if (withdrawn) {
            waiting.decrementAndGet();
            return ProblemException.unavailable("The order waited too long for its routing pass and was not placed; "
                    + "retry with the same Idempotency-Key");
        }
        return ProblemException.unavailable("The order's routing pass did not finish in time; retry with the same "
                + "Idempotency-Key: the answer tells whether it was placed");
    }

    /**
     * Runs passes over the technology until nothing waits for one, then retires its queue: the next arrival starts
     * a queue of its own and leads it, so that technologies no longer ordered leave nothing behind.
     */
    private void lead(TechnologyQueue queue) {
        while (true) {
            List<Placement> pass = new ArrayList<>();
            try {
                QuarkusTransaction.requiringNew().run(() -> decide(queue, pass));
                pass.forEach(Placement::answer);
            } catch (Throwable failure) {
                // whatever failed, the pass committed nothing; the leader goes on with what queued meanwhile
                pass.forEach(placement -> placement.answer.completeExceptionally(failure));
            }
            synchronized (queue) {
                if (queue.waiting.isEmpty()) {
                    queue.retired = true;
                    queues.remove(queue.technology, queue);
                    return;
                }
            }
        }
    }

    /** One pass, in the caller's transaction: each placement of it ends with its answer or refusal set. */
    private void decide(TechnologyQueue queue, List<Placement> pass) {
        List<Placement> fresh = new ArrayList<>();
        List<Placement> twins = new ArrayList<>();
        List<CustomerOrder> placed = orders.placeInTurn(queue.technology, () -> {
            pass.addAll(take(queue));
            reserveKeys(pass, fresh, twins);
            return fresh.stream().map(p -> new Arrival(p.order, p.actor, p.trace)).toList();
        });
        for (int i = 0; i < fresh.size(); i++) {
            CustomerOrder order = placed.get(i);
            fresh.get(i).response = idempotency.store(fresh.get(i).claim,
                    Answer.created(URI.create("/api/orders/" + order.id()), views.placed(order)));
        }
        for (Placement twin : twins) {
            try {
                twin.response = idempotency.replay(twin.claim);
            } catch (ProblemException refused) {
                twin.refusal = refused;
            }
        }
        ordersPerPass.record(pass.size());
    }

    /** Called once the technology's lock is held. */
    private List<Placement> take(TechnologyQueue queue) {
        List<Placement> taken = new ArrayList<>();
        synchronized (queue) {
            while (taken.size() < maxOrdersPerPass && !queue.waiting.isEmpty()) {
                taken.add(queue.waiting.poll());
            }
        }
        waiting.addAndGet(-taken.size());
        return taken;
    }

    /**
     * Sorts the pass: the first request with a key reserves it (keys in the kit's order, so that passes over two
     * technologies never wait for each other's keys in a circle) and is placed unless its key was answered before;
     * a later request with the same key is a twin, answered after the first's answer is stored. Fresh placements
     * stay in arrival order.
     */
    private void reserveKeys(List<Placement> pass, List<Placement> fresh, List<Placement> twins) {
        Map<List<String>, Placement> firsts = new HashMap<>();
        List<Placement> reserving = new ArrayList<>();
        for (Placement placement : pass) {
            if (firsts.putIfAbsent(List.of(placement.claim.scope(), placement.claim.key().value()),
                    placement) == null) {
                reserving.add(placement);
            } else {
                twins.add(placement);
            }
        }
        reserving.sort((a, b) -> Claim.ORDER.compare(a.claim, b.claim));
        for (Placement placement : reserving) {
            try {
                Optional<StoredAnswer> stored = idempotency.reserve(placement.claim);
                if (stored.isPresent()) {
                    placement.response = stored.get();
                } else {
                    placement.fresh = true;
                }
            } catch (ProblemException refused) {
                placement.refusal = refused;
            }
        }
        pass.stream().filter(placement -> placement.fresh).forEach(fresh::add);
    }

    /** The placements waiting for one technology's next pass, and whether a leader runs its passes. */
    private static final class TechnologyQueue {

        final String technology;
        /** Guarded by this queue, as are {@link #leading} and {@link #retired}. */
        final ArrayDeque<Placement> waiting = new ArrayDeque<>();
        boolean leading;
        /** Emptied and out of the map: an arrival that finds it takes the technology's new queue. */
        boolean retired;

        TechnologyQueue(String technology) {
            this.technology = technology;
        }
    }

    /** One request: what it asks, and once its pass has committed, its answer or its refusal. */
    private static final class Placement {

        final NewOrder order;
        final String actor;
        final Claim claim;
        final Context trace;
        final CompletableFuture<StoredAnswer> answer = new CompletableFuture<>();
        /** Set by the pass's transaction; read after it committed. */
        boolean fresh;
        StoredAnswer response;
        ProblemException refusal;

        Placement(NewOrder order, String actor, Claim claim, Context trace) {
            this.order = order;
            this.actor = actor;
            this.claim = claim;
            this.trace = trace;
        }

        void answer() {
            if (refusal != null) {
                answer.completeExceptionally(refusal);
            } else {
                answer.complete(response);
            }
        }
    }
}
