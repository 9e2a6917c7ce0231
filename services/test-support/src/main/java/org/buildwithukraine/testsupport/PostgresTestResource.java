package org.buildwithukraine.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the Quarkus datasource at the shared embedded PostgreSQL. Init arg {@code database} chooses the
 * database (default {@code bwu}), so that one module can test several instances that each own a database.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "bwu";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", TestPostgres.jdbcUrl(database),
                "quarkus.datasource.username", TestPostgres.USER,
                "quarkus.datasource.password", TestPostgres.PASSWORD);
    }

    @Override
    public void stop() {
        // shared by the whole test JVM; stopped by a shutdown hook
    }
}
