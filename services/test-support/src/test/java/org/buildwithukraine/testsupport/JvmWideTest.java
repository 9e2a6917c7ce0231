package org.buildwithukraine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The broker, its link and the database server are the JVM's, whatever class loader asks for them: each
 * {@link Boot} loads test-support's classes anew, as Quarkus does for the boot of every test profile, and talks to
 * its copies through JDK interfaces only, as a boot's code would.
 */
class JvmWideTest {

    @Test
    void everyBootFindsTheSameBroker() throws Exception {
        try (Boot first = new Boot(); Boot second = new Boot()) {
            assertThat(first.load(TestKafka.class)).as("a copy of its own").isNotSameAs(TestKafka.class)
                    .isNotSameAs(second.load(TestKafka.class));

            String broker = first.supplier(KafkaAddress.class).get();

            assertThat(second.supplier(KafkaAddress.class).get()).isEqualTo(broker);
            assertThat(TestKafka.bootstrapServers()).isEqualTo(broker);
        }
    }

    @Test
    void theBrokerServesTheBootsAfterTheBootThatAskedFirstIsClosed() throws Exception {
        String topic = "jvm-wide-" + UUID.randomUUID();
        try (Boot first = new Boot()) {
            first.supplier(KafkaAddress.class).get();
        }

        TestKafka.send(topic, "key", "after the first boot");

        assertThat(TestKafka.records(topic)).extracting(ConsumerRecord::value).containsExactly("after the first boot");
    }

    @Test
    void aLinkCutByOneBootIsCutForEveryClientAndRestoredForEvery() throws Exception {
        try (Boot boot = new Boot()) {
            int port = TestKafka.link().port();
            boot.supplier(KafkaLinkCut.class).get();
            try {
                assertThatThrownBy(() -> connect(port)).isInstanceOf(ConnectException.class);
            } finally {
                TestKafka.link().restore();
            }
            connect(port);
        }
    }

    @Test
    void everyBootFindsTheSameDatabaseServerAndTheDatabasesAnotherCreated() throws Exception {
        String database = "jvm_wide_" + Long.toString(System.nanoTime(), 36);
        try (Boot boot = new Boot()) {
            String url = boot.function(PostgresUrl.class).apply(database);

            assertThat(TestPostgres.jdbcUrl(database)).isEqualTo(url);
            try (Connection connection = DriverManager.getConnection(url, TestPostgres.USER, TestPostgres.PASSWORD);
                    Statement statement = connection.createStatement();
                    ResultSet current = statement.executeQuery("select current_database()")) {
                current.next();
                assertThat(current.getString(1)).isEqualTo(database);
            }
        }
    }

    private static void connect(int port) throws IOException {
        new Socket(InetAddress.getLoopbackAddress(), port).close();
    }

    /** What a boot's code asks: the broker's address. */
    public static final class KafkaAddress implements Supplier<String> {
        @Override
        public String get() {
            return TestKafka.bootstrapServers();
        }
    }

    /** A boot's test cutting the broker's link. */
    public static final class KafkaLinkCut implements Supplier<Integer> {
        @Override
        public Integer get() {
            TcpLink link = TestKafka.link();
            link.cut();
            return link.port();
        }
    }

    /** A boot's datasource asking for its database. */
    public static final class PostgresUrl implements Function<String, String> {
        @Override
        public String apply(String database) {
            return TestPostgres.jdbcUrl(database);
        }
    }

    /**
     * A class loader that loads test-support's classes (main and test) itself, as Quarkus's class loader of a boot
     * does, and everything else from the JVM's.
     */
    private static final class Boot extends URLClassLoader {

        private static final String OWN = TestKafka.class.getPackageName() + ".";

        Boot() {
            super("boot", new URL[] { location(TestKafka.class), location(JvmWideTest.class) },
                    ClassLoader.getSystemClassLoader());
        }

        Class<?> load(Class<?> type) throws ClassNotFoundException {
            return loadClass(type.getName());
        }

        /** A new instance of this boot's copy of {@code type}, seen as the JDK interface it implements. */
        @SuppressWarnings("unchecked")
        <T> Supplier<T> supplier(Class<? extends Supplier<T>> type) throws ReflectiveOperationException {
            return (Supplier<T>) load(type).getConstructor().newInstance();
        }

        /** As {@link #supplier}. */
        @SuppressWarnings("unchecked")
        <T, R> Function<T, R> function(Class<? extends Function<T, R>> type) throws ReflectiveOperationException {
            return (Function<T, R>) load(type).getConstructor().newInstance();
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(OWN)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private static URL location(Class<?> type) {
            return type.getProtectionDomain().getCodeSource().getLocation();
        }
    }
}
