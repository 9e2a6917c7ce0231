package org.buildwithukraine.licence.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.buildwithukraine.licence.Fixtures.reportOutput;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.buildwithukraine.licence.Fixtures.uniqueId;
import static org.buildwithukraine.licence.Fixtures.with;

import java.util.List;
import java.util.Map;

import org.buildwithukraine.kit.inbox.InboundTransactions;
import org.buildwithukraine.licence.Fixtures.Output;
import org.buildwithukraine.licence.TestInfrastructure;
import org.buildwithukraine.testsupport.LogRecorder;
import org.buildwithukraine.testsupport.PostgresOutageResource;
import org.buildwithukraine.testsupport.TcpLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An event under way when the service stops is given back, not parked, and comes again after the restart. Two
 * boots of the service, one after the other (Quarkus orders test classes by profile name): in this one the
 * database is away, so the line.output consumer is still trying an output event when the boot ends and the
 * service stops; {@link RedeliveredAfterRestartTest}, the next boot, finds the event counted once and nothing in
 * the dead-letter topic. The event's details pass from one boot to the next in a system property of the JVM.
 */
@QuarkusTest
@TestProfile(GivenBackWhileStoppingTest.Phase1Stopping.class)
class GivenBackWhileStoppingTest {

    /** Set by this boot for the next: event id, licence id and line of the output left under way. */
    static final String HANDED_OVER = "bwu.test.given-back-output";

    /** The datasource through a link this test cuts and leaves cut, so that the consumer is retrying at the stop. */
    public static class Phase1Stopping implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresOutageResource.class,
                    Map.of("database", TestInfrastructure.DATABASE)));
        }
    }

    /** The restart: the service as usual, after {@link Phase1Stopping} (by name). */
    public static class Phase2Restarted implements QuarkusTestProfile {
    }

    @RegisterExtension
    static final LogRecorder consumerLog = LogRecorder.of(InboundTransactions.class);

    @PostgresOutageResource.Link
    TcpLink database;

    @Test
    void outputUnderWayWhenTheServiceStopsIsLeftForTheRestart() {
        String factory = activeFactory("de-stopping");
        String technology = technology();
        String licence = grant(with(licence(technology, factory), "quantityCap", 100));
        String line = uniqueId("DE-STOP");

        database.cut();
        Output output = reportOutput(line, factory, technology, 8);
        consumerLog.awaitMessages(message -> message.contains(output.eventId().toString())
                && message.contains("until the database is back"), 1);
        assertThat(queryLong("select count(*) from quota_ledger where event_id = ?", output.eventId())).isZero();
        System.setProperty(HANDED_OVER, String.join(",", output.eventId().toString(), licence, line));
        // the boot ends here, the database still away: the service stops while the consumer tries again
    }
}
