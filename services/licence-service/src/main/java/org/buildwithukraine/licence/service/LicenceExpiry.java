package org.buildwithukraine.licence.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Expires GRANTED licences once their last valid day is over, by the service clock. Every replica may run it:
 * each licence is locked and checked again before it is expired, so none is expired twice.
 */
@ApplicationScoped
public class LicenceExpiry {

    private static final Logger LOG = Logger.getLogger(LicenceExpiry.class);

    private final LicenceService licences;

    public LicenceExpiry(LicenceService licences) {
        this.licences = licences;
    }

    @Scheduled(identity = "licence-expiry", every = "${bwu.licence.expiry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireLapsed() {
        List<String> lapsed;
        try {
            lapsed = licences.lapsed();
        } catch (RuntimeException e) {
            LOG.warnf("Expiry check will retry: %s", e.getMessage());
            return;
        }
        for (String id : lapsed) {
            try {
                licences.expire(id);
            } catch (RuntimeException e) {
                // one licence that cannot be expired now must not hold up the others; the next run retries it
                LOG.warnf(e, "Licence %s could not be expired, will retry", id);
            }
        }
    }
}
