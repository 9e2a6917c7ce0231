package org.buildwithukraine.kit.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a database that cannot be reached from a request the database refused: the first is the platform's
 * fault and passes (503, retry), the second is a bug or a client's mistake and must not be hidden behind a 503.
 *
 * <p>An outage is any cause, however deeply wrapped (Hibernate, Narayana, Agroal), that is a connection failure:
 * SQLState class 08 (connection exception: refused, broken, lost), 57P01..57P03 (the server is shutting down,
 * crashed or not yet accepting connections), the JDBC connection exception types, or Agroal's acquisition
 * timeout (a plain {@link SQLException} without SQLState: no connection could be had in time, because the
 * database is gone or every connection is busy; either way a retry later may pass).
 *
 * <p>"However deeply wrapped" covers three links: a cause, an SQLException's next exception (a batch reports its
 * failures there) and a suppressed exception. The last is where a commit that failed on a dying connection is
 * found: the transaction manager answers a rollback exception of its own, without a cause, and attaches what the
 * resource threw as suppressed.
 */
public final class DatabaseOutage {

    private static final String ACQUISITION_TIMEOUT = "Acquisition timeout";
    /** Far more than any real wrapping holds; only guards against an exception graph that loops or explodes. */
    private static final int MAX_VISITED = 256;

    private DatabaseOutage() {
    }

    /** The connection failure among {@code failure} and everything linked to it, if there is one. */
    public static Optional<SQLException> in(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty() && seen.size() < MAX_VISITED) {
            Throwable next = pending.removeFirst();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof SQLException sql && isConnectionFailure(sql)) {
                return Optional.of(sql);
            }
            linked(next, pending);
        }
        return Optional.empty();
    }

    private static boolean isConnectionFailure(SQLException sql) {
        if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException) {
            return true;
        }
        String state = sql.getSQLState();
        if (state != null) {
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                    || state.equals("57P03");
        }
        return sql.getMessage() != null && sql.getMessage().startsWith(ACQUISITION_TIMEOUT);
    }

    private static void linked(Throwable failure, Deque<Throwable> pending) {
        if (failure.getCause() != null) {
            pending.add(failure.getCause());
        }
        if (failure instanceof SQLException sql && sql.getNextException() != null) {
            pending.add(sql.getNextException());
        }
        Collections.addAll(pending, failure.getSuppressed());
    }
}
