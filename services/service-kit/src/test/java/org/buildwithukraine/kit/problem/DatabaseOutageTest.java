package org.buildwithukraine.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.transaction.xa.XAException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void connectionFailuresAreOutagesHoweverTheyAreWrapped() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001",
                new ConnectException("Connection refused"));
        assertThat(DatabaseOutage.in(refused)).containsSame(refused);
        assertThat(DatabaseOutage.in(new PersistenceException(new JDBCConnectionException("select", refused))))
                .containsSame(refused);
        assertThat(DatabaseOutage.in(new RuntimeException("commit failed",
                new IllegalStateException(refused)))).containsSame(refused);
    }

    @Test
    void aServerShuttingDownCrashedOrStartingIsAnOutage() {
        for (String state : new String[] { "57P01", "57P02", "57P03", "08006", "08003" }) {
            assertThat(DatabaseOutage.in(new SQLException("gone", state))).as(state).isPresent();
        }
    }

    @Test
    void noConnectionInTimeIsAnOutage() {
        assertThat(DatabaseOutage.in(new SQLException("Acquisition timeout while waiting for new connection")))
                .isPresent();
        assertThat(DatabaseOutage.in(new SQLTransientConnectionException("pool exhausted"))).isPresent();
    }

    @Test
    void aConnectionLostDuringABatchIsFoundInTheChainOfNextExceptions() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 failed", "40001", new int[0]);
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend", "08006");
        batch.setNextException(lost);
        assertThat(DatabaseOutage.in(batch)).containsSame(lost);
    }

    /** Narayana's shape when the connection died between the last statement and the commit. */
    @Test
    void aCommitLostWithItsConnectionIsFoundAmongTheSuppressed() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend", "08006");
        XAException commitFailed = new XAException(XAException.XA_RBCOMMFAIL);
        commitFailed.initCause(lost);
        RollbackException rolledBack = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rolledBack.addSuppressed(new IllegalStateException("the rollback-only caller"));
        rolledBack.addSuppressed(commitFailed);
        assertThat(DatabaseOutage.in(new RuntimeException(rolledBack))).containsSame(lost);
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        first.addSuppressed(second);
        assertThat(DatabaseOutage.in(first)).isEmpty();
    }

    @Test
    void whatTheDatabaseRefusedIsNoOutage() {
        SQLException unique = new SQLException("duplicate key", "23505");
        assertThat(DatabaseOutage.in(new ConstraintViolationException("insert", unique, "pk"))).isEmpty();
        assertThat(DatabaseOutage.in(new SQLException("deadlock detected", "40P01"))).isEmpty();
        assertThat(DatabaseOutage.in(new SQLException("canceling statement due to statement timeout", "57014")))
                .isEmpty();
        assertThat(DatabaseOutage.in(new SQLException("no state"))).isEmpty();
        assertThat(DatabaseOutage.in(new IllegalStateException("a bug"))).isEmpty();
        RollbackException refusedAtCommit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        refusedAtCommit.addSuppressed(new ConstraintViolationException("insert", unique, "pk"));
        assertThat(DatabaseOutage.in(refusedAtCommit)).isEmpty();
    }
}
