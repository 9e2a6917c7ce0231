package org.buildwithukraine.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class InboundTransactionsTest {

    @Test
    void databaseOutagesAndConcurrencyConflictsPass() {
        assertThat(InboundTransactions.isPassing(wrapped(new SQLException("connection refused", "08001")))).isTrue();
        assertThat(InboundTransactions.isPassing(wrapped(new SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(InboundTransactions.isPassing(wrapped(new SQLException("too many clients", "53300")))).isTrue();
        assertThat(InboundTransactions.isPassing(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(InboundTransactions.isPassing(wrapped(new SQLException("could not serialize", "40001"))))
                .isTrue();
        assertThat(InboundTransactions.isPassing(wrapped(new SQLTransientConnectionException("pool exhausted"))))
                .isTrue();
    }

    @Test
    void mistakesThatWouldRecurDoNotPass() {
        assertThat(InboundTransactions.isPassing(wrapped(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(InboundTransactions.isPassing(wrapped(new SQLException("null value", "23502")))).isFalse();
        assertThat(InboundTransactions.isPassing(new IllegalStateException("bug"))).isFalse();
        assertThat(InboundTransactions.isPassing(new NullPointerException())).isFalse();
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("transaction failed", new PersistenceException("flush failed", cause));
    }
}
