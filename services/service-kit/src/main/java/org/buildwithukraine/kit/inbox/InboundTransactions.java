package org.buildwithukraine.kit.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.buildwithukraine.kit.inbox.InboundEvents.UnreadableEventException;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Handles one inbound event in a transaction of its own, so that a failure never costs an event:
 * <ul>
 * <li>an event that cannot be read is thrown back to the channel, whose dead-letter strategy parks it;</li>
 * <li>a failure that passes (database unreachable or restarting, deadlock, serialization conflict) is retried,
 * with growing pauses, for as long as it takes: the partition waits instead of dropping events;</li>
 * <li>any other failure is tried {@value #ATTEMPTS} times, then parked in the dead-letter topic like an unreadable
 * event (it would fail the same way forever and block the partition);</li>
 * <li>once the service is stopping, the event is given back unhandled ({@link ConsumerStoppingException}): the
 * {@code bwu-dead-letter-queue} failure strategy then leaves its offset uncommitted, and the event is delivered
 * again after the restart.</li>
 * </ul>
 */
public final class InboundTransactions {

    private static final Logger LOG = Logger.getLogger(InboundTransactions.class);
    static final int ATTEMPTS = 3;
    private static final long FIRST_PAUSE_MS = 200;
    private static final long LONGEST_PAUSE_MS = 5_000;

    private static volatile boolean stopping;

    private InboundTransactions() {
    }

    public static void run(String what, Runnable work) {
        run(what, 0, work);
    }

    /**
     * As {@link #run(String, Runnable)}, for work that has already failed {@code failedBefore} times for a reason
     * that does not pass (in a batch, say): it has that many attempts fewer left.
     */
    static void run(String what, int failedBefore, Runnable work) {
        int failedAttempts = failedBefore;
        int pauses = 0;
        while (true) {
            if (stopping) {
                throw new ConsumerStoppingException(what);
            }
            try {
                QuarkusTransaction.requiringNew().run(work);
                return;
            } catch (UnreadableEventException unreadable) {
                throw unreadable;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw new ConsumerStoppingException(what);
                }
                boolean passing = isPassing(e);
                if (!passing && ++failedAttempts >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("Handling %s failed (%s), trying again: %s", what,
                        passing ? "until the database is back" : "attempt " + failedAttempts + " of " + ATTEMPTS,
                        e.getMessage());
                pause(++pauses);
            }
        }
    }

    /** Connection lost or refused, server shutting down, out of resources, serialization failure or deadlock. */
    static boolean isPassing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                        || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void pause(int failedAttempts) {
        long pause = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS << Math.min(failedAttempts - 1, 10));
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsumerStoppingException("interrupted");
        }
    }

    /** Thrown instead of handling an event while the service stops; the event stays unacknowledged. */
    public static class ConsumerStoppingException extends RuntimeException {
        public ConsumerStoppingException(String what) {
            super("Service stopping: " + what + " left for redelivery");
        }
    }

    /** Stops taking events as soon as shutdown begins, before the database pool and Hibernate close. */
    @Singleton
    static class ShutdownSignal {
        void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
            stopping = true;
        }
    }
}
