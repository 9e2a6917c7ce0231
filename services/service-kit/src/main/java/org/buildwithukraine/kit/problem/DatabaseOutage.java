package org.buildwithukraine.kit.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Tells a database that cannot be reached from a request the database refused: the first is the platform's
 * fault and passes (503, retry), the second is a bug or a client's mistake and must not be hidden behind a 503.
 *
 * <p>An outage is any cause, however deeply wrapped (Hibernate, Narayana, Agroal), that is a connection failure:
 * SQLState class 08 (connection exception: refused, broken, lost), 57P01..57P03 (the server is shutting down,
 * crashed or not yet accepting connections), the JDBC connection exception types, or Agroal's acquisition
 * timeout (a plain {@link SQLException} without SQLState: no connection could be had in time, because the
 * database is gone or every connection is busy; either way a retry later may pass).
 */
public final class DatabaseOutage {

    private static final String ACQUISITION_TIMEOUT = "Acquisition timeout";
    /** Deeper than any real wrapping; only guards against a cause chain that loops. */
    private static final int MAX_DEPTH = 64;

    private DatabaseOutage() {
    }

    /** The connection failure among {@code failure} and its causes, if there is one. */
    public static Optional<SQLException> in(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < MAX_DEPTH; cause = next(cause)) {
            if (cause instanceof SQLException sql && isConnectionFailure(sql)) {
                return Optional.of(sql);
            }
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

    /** The cause, or the next exception of an SQLException chain (a batch reports its failures there). */
    private static Throwable next(Throwable cause) {
        if (cause.getCause() != null && cause.getCause() != cause) {
            return cause.getCause();
        }
        return cause instanceof SQLException sql ? sql.getNextException() : null;
    }
}
