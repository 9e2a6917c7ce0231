package org.buildwithukraine.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fault injected into the real database: a trigger makes PostgreSQL refuse the writes of one table that a
 * condition picks, with an ordinary error ({@code P0001}, neither a lost connection nor a conflict, so nothing
 * takes it for a passing failure), the first {@code times} times or always. The refusals are counted in a
 * sequence, which keeps counting when the refused transaction rolls back: a test sees how often the service
 * tried. Closing it removes the trigger. Message of every refusal: {@value #MESSAGE} and the table's name.
 *
 * <p>Scope the condition to the test's own rows (its unique ids): the database is shared by every test of the
 * JVM, and a statement that touches one refused row fails as a whole.
 */
public final class RefusedWrites implements AutoCloseable {

    public static final String MESSAGE = "refused by the test";

    private final String database;
    private final String name;
    private final String table;
    private final long times;

    private RefusedWrites(String database, String name, String table, long times) {
        this.database = database;
        this.name = name;
        this.table = table;
        this.times = times;
    }

    /**
     * Refuses, from now on, the {@code operation} ({@code insert} or {@code update}) of rows of {@code table} in
     * {@code database} for which {@code condition} (SQL over {@code new} and {@code old}, as in a trigger's
     * {@code when}) holds, the first {@code times} times.
     */
    public static RefusedWrites refuse(String database, String table, String operation, String condition,
            long times) {
        String name = "bwu_test_refusal_" + UUID.randomUUID().toString().replace("-", "");
        RefusedWrites refused = new RefusedWrites(database, name, table, times);
        refused.execute("create sequence " + name,
                "create function " + name + "() returns trigger language plpgsql as $$ begin "
                        + "if nextval('" + name + "') <= " + times + " then "
                        + "raise exception '" + MESSAGE + ": %', tg_table_name; "
                        + "end if; return new; end $$",
                "create trigger " + name + " before " + operation + " on " + table + " for each row when ("
                        + condition + ") execute function " + name + "()");
        return refused;
    }

    /** As {@link #refuse(String, String, String, String, long)}, every time. */
    public static RefusedWrites always(String database, String table, String operation, String condition) {
        return refuse(database, table, operation, condition, Long.MAX_VALUE);
    }

    /** How many writes were refused so far. */
    public long refusals() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet counted = statement.executeQuery("select last_value, is_called from " + name)) {
            counted.next();
            long tried = counted.getBoolean(2) ? counted.getLong(1) : 0;
            return Math.min(tried, times);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the refusals of " + name, e);
        }
    }

    @Override
    public void close() {
        execute("drop trigger if exists " + name + " on " + table, "drop function if exists " + name + "()",
                "drop sequence if exists " + name);
    }

    private void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change the refusal " + name + " on " + table, e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(TestPostgres.jdbcUrl(database), TestPostgres.USER, TestPostgres.PASSWORD);
    }
}
