package org.buildwithukraine.licence.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.licenceOf;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.buildwithukraine.licence.Fixtures.reportOutput;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.buildwithukraine.licence.Fixtures.uniqueId;
import static org.buildwithukraine.licence.Fixtures.with;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.buildwithukraine.events.Topics;
import org.buildwithukraine.kit.inbox.InboundTransactions;
import org.buildwithukraine.licence.Fixtures.Output;
import org.buildwithukraine.licence.TestInfrastructure;
import org.buildwithukraine.testsupport.LogRecorder;
import org.buildwithukraine.testsupport.PostgresOutageResource;
import org.buildwithukraine.testsupport.TcpLink;
import org.buildwithukraine.testsupport.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The database taken away from the service (every connection reset, new ones refused) while output arrives on
 * line.output: the consumer keeps the event and tries again until the database is back, parks nothing, and the
 * event is counted once, with the line's later reports after it.
 */
@QuarkusTest
@TestProfile(ConsumerDatabaseOutageTest.ThroughCuttableLink.class)
class ConsumerDatabaseOutageTest {

    /** Its own boot: the datasource goes through a link this test can cut; nothing else changes. */
    public static class ThroughCuttableLink implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresOutageResource.class,
                    Map.of("database", TestInfrastructure.DATABASE)));
        }
    }

    @RegisterExtension
    static final LogRecorder consumerLog = LogRecorder.of(InboundTransactions.class);

    @PostgresOutageResource.Link
    TcpLink database;

    @AfterEach
    void databaseBack() {
        database.restore();
    }

    @Test
    void outputArrivingWhileTheDatabaseIsDownIsTriedUntilItIsBackAndCountedOnce() {
        String factory = activeFactory("de-db-outage");
        String technology = technology();
        String licence = grant(with(licence(technology, factory), "quantityCap", 100));
        String line = uniqueId("DE-OUT");

        database.cut();
        Output output = reportOutput(line, factory, technology, 12);
        Output later = reportOutput(line, factory, technology, 3);
        // tried, and tried again beyond the three attempts a failure that does not pass gets
        consumerLog.awaitMessages(message -> message.contains(output.eventId().toString())
                && message.contains("until the database is back"), 3);
        assertThat(inLedger(output.eventId())).isZero();
        assertThat(inLedger(later.eventId())).isZero();

        database.restore();
        await().atMost(Duration.ofSeconds(30)).until(() -> inLedger(later.eventId()) == 1);
        assertThat(inLedger(output.eventId())).isEqualTo(1);
        assertThat(queryLong("select count(*) from processed_event where event_id = ?", output.eventId()))
                .isEqualTo(1);
        licenceOf(licence).body("unitsConsumed", equalTo(15));
        assertThat(TestKafka.records(Topics.deadLetterOf(Topics.LINE_OUTPUT))).noneMatch(r -> line.equals(r.key()));
    }

    private static long inLedger(UUID eventId) {
        return queryLong("select count(*) from quota_ledger where event_id = ?", eventId);
    }
}
