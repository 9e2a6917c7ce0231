package org.buildwithukraine.licence.messaging;

import org.buildwithukraine.kit.inbox.InboundEvents.UnreadableEventException;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs the handling of one inbound event in a transaction of its own, and tries again a few times when it fails
 * for a reason that may pass (a lost connection, a deadlock victim): only an event that keeps failing, or that
 * cannot be read at all, goes to the dead-letter topic.
 */
final class ConsumerTransactions {

    private static final Logger LOG = Logger.getLogger(ConsumerTransactions.class);
    private static final int ATTEMPTS = 3;

    private ConsumerTransactions() {
    }

    static void run(String what, Runnable work) {
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
