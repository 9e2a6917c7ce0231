package org.buildwithukraine.routing.order.service;

import java.util.function.Supplier;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Counts the statements Hibernate prepares on the calling thread while {@link #counting} runs: one per round trip
 * to the database, a JDBC batch counting once. Other threads (the outbox relay, consumers) are not counted.
 */
@PersistenceUnitExtension
public class StatementCounter implements StatementInspector {

    private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

    /** What the work returned, and the statements it took. */
    public record Counted<T>(T result, int statements) {
    }

    public static <T> Counted<T> counting(Supplier<T> work) {
        int[] count = new int[1];
        COUNT.set(count);
        try {
            T result = work.get();
            return new Counted<>(result, count[0]);
        } finally {
            COUNT.remove();
        }
    }

    @Override
    public String inspect(String sql) {
        int[] count = COUNT.get();
        if (count != null) {
            count[0]++;
        }
        return sql;
    }
}
