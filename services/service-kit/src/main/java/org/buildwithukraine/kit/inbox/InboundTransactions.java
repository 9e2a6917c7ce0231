package org.buildwithukraine.kit.inbox;

import org.buildwithukraine.kit.inbox.InboundEvents.UnreadableEventException;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Handles one inbound event in a transaction of its own, trying again a few times when it fails for a reason that
 * may pass (a lost connection, a deadlock victim). An event that cannot be read, or that keeps failing, is thrown
 * back to the channel, whose dead-letter strategy parks it so that the partition keeps moving.
 */
public final class InboundTransactions {

    private static final Logger LOG = Logger.getLogger(InboundTransactions.class);
    private static final int ATTEMPTS = 3;

    private InboundTransactions() {
    }

    public static void run(String what, Runnable work) {
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                return;
            } catch (UnreadableEventException unreadable) {
                throw unreadable;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("Handling %s failed (attempt %d of %d), trying again: %s", what, attempt, ATTEMPTS,
                        e.getMessage());
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", e);
        }
    }
}
