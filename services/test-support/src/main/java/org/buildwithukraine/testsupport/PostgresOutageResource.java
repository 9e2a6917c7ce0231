package org.buildwithukraine.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the Quarkus datasource at the shared embedded PostgreSQL through a {@link TcpLink}, so that a test can
 * take the database away from the service ({@link TcpLink#cut()}) and give it back, while the server and the
 * data stay as they are. Injected into a test's field annotated {@link Link}. The link is this boot's own (the
 * server is the JVM's): closed when the profile ends. Init arg {@code database} as for
 * {@link PostgresTestResource}; meant for a test profile of its own (it replaces that resource's URL).
 */
public class PostgresOutageResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link TcpLink} field that this resource fills in. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Link {
    }

    private String database = "bwu";
    private TcpForwarder link;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        String direct = TestPostgres.jdbcUrl(database);
        int port = TestPostgres.port();
        link = TcpForwarder.toLocalPort(port);
        return Map.of(
                "quarkus.datasource.jdbc.url", direct.replace(":" + port + "/", ":" + link.port() + "/"),
                "quarkus.datasource.username", TestPostgres.USER,
                "quarkus.datasource.password", TestPostgres.PASSWORD);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(link, new TestInjector.AnnotatedAndMatchesType(Link.class, TcpLink.class));
    }

    @Override
    public void stop() {
        if (link != null) {
            link.close();
        }
    }
}
