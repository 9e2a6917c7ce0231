package org.buildwithukraine.line;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Counts the JDBC statements Hibernate prepares on the tables a status report touches. A JDBC batch is prepared
 * once for all the rows it carries, where an unbatched insert or update (or one whose id the database assigns) is
 * prepared once per row; so the count grows with the rows written only when they are not batched. The outbox
 * relay's own polling (select and update of outbox_event) is left out, so that a test can count what one request
 * did.
 */
@PersistenceUnitExtension
public class ReportStatements implements StatementInspector {

    private static final List<String> REPORT_TABLES = List.of("production_line", "status_report",
            "report_attribution", "allocation", "insert into outbox_event");
    private static final AtomicInteger COUNT = new AtomicInteger();

    @Override
    public String inspect(String sql) {
        String statement = sql.toLowerCase();
        if (REPORT_TABLES.stream().anyMatch(statement::contains)) {
            COUNT.incrementAndGet();
        }
        return sql;
    }

    /** The statements counted while {@code step} ran. */
    public static int during(Runnable step) {
        int before = COUNT.get();
        step.run();
        return COUNT.get() - before;
    }
}
