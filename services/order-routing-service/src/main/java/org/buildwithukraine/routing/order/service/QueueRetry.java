package org.buildwithukraine.routing.order.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.buildwithukraine.routing.order.CustomerOrder;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Routes every technology with open orders again from time to time, without waiting for an event: a licence
 * reaching its first or last day, and the horizon moving forward, change what may be placed. Every replica runs it;
 * the technology locks make a second run in the same moment find nothing left to do.
 */
@ApplicationScoped
public class QueueRetry {

    private static final Logger LOG = Logger.getLogger(QueueRetry.class);

    private final NetworkChanges changes;
    private final EntityManager entityManager;

    public QueueRetry(NetworkChanges changes, EntityManager entityManager) {
        this.changes = changes;
        this.entityManager = entityManager;
    }

    @Scheduled(identity = "routing-retry", every = "${bwu.routing.retry-interval:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void retryAll() {
        List<String> technologies = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select distinct technologyCode from CustomerOrder where state in :open order by technologyCode",
                String.class).setParameter("open", CustomerOrder.OPEN).getResultList());
        for (String technology : technologies) {
            try {
                QuarkusTransaction.requiringNew().run(() -> changes.retry(technology));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Re-check of %s failed; next run tries again", technology);
            }
        }
    }
}
