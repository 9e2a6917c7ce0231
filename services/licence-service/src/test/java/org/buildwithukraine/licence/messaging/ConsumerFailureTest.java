package org.buildwithukraine.licence.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.announceFactory;
import static org.buildwithukraine.licence.Fixtures.awaitStatus;
import static org.buildwithukraine.licence.Fixtures.factorySnapshot;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.licenceOf;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.buildwithukraine.licence.Fixtures.queryString;
import static org.buildwithukraine.licence.Fixtures.reportOutput;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.buildwithukraine.licence.Fixtures.uniqueId;
import static org.buildwithukraine.licence.Fixtures.with;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.kit.inbox.DeadLetterUnlessStopping;
import org.buildwithukraine.kit.outbox.Outbox;
import org.buildwithukraine.licence.Fixtures.Output;
import org.buildwithukraine.licence.TestInfrastructure;
import org.buildwithukraine.testsupport.RefusedWrites;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The kit's consuming side when handling fails, with the real broker and database: the database refuses a write
 * ({@link RefusedWrites}), and the consumer, its inbox and the dead-letter strategy do what they promise.
 */
@QuarkusTest
class ConsumerFailureTest {

    @RegisterExtension
    static final TopicRecorder outputDeadLetters = TopicRecorder.of(Topics.deadLetterOf(Topics.LINE_OUTPUT));

    @RegisterExtension
    static final TopicRecorder factoryEvents = TopicRecorder.of(Topics.FACTORY_EVENTS);

    @Inject
    Outbox outbox;

    /**
     * A readable event whose handling fails for a reason that does not pass (here the database refuses the
     * ledger's row) is tried as InboundTransactions says, three times, then parked with the record as it came and
     * why; the partition goes on with the line's next report, and the refused one changed nothing.
     */
    @Test
    void aReadableEventWhoseHandlingFailsIsTriedThreeTimesThenParkedAsItCameWithTheReason() {
        String factory = activeFactory("de-failing");
        String technology = technology();
        String licence = grant(with(licence(technology, factory), "quantityCap", 100));
        String line = uniqueId("DE-FAIL");
        String refusedReport = uniqueId("refused");
        Output refused;
        Output next;
        try (RefusedWrites ledgerRefuses = RefusedWrites.always(TestInfrastructure.DATABASE, "quota_ledger",
                "insert", "new.report_id = '" + refusedReport + "'")) {
            refused = reportOutput(line, factory, technology, 9, refusedReport, Instant.now());
            next = reportOutput(line, factory, technology, 4);
            await().atMost(Duration.ofSeconds(30)).until(() -> outputDeadLetters.recordsFor(line).size() >= 1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> queryLong("select count(*) from quota_ledger where event_id = ?", next.eventId()) == 1);
            assertThat(ledgerRefuses.refusals()).as("attempts").isEqualTo(3);
        }

        List<ConsumerRecord<String, String>> parked = outputDeadLetters.recordsFor(line);
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).value()).isEqualTo(refused.json());
        Map<String, String> headers = headers(parked.get(0));
        assertThat(headers).containsEntry("dead-letter-topic", Topics.LINE_OUTPUT)
                .containsEntry(DeadLetterUnlessStopping.CHANNEL_HEADER, "lineoutput")
                .containsKey("dead-letter-offset");
        assertThat(headers.get("dead-letter-reason") + " " + headers.get("dead-letter-cause"))
                .contains(RefusedWrites.MESSAGE);

        assertThat(queryLong("select count(*) from quota_ledger where event_id = ?", refused.eventId())).isZero();
        assertThat(queryLong("select count(*) from processed_event where event_id = ?", refused.eventId())).isZero();
        licenceOf(licence).body("unitsConsumed", equalTo(4));
    }

    /**
     * The outbox relay sends a batch, Kafka has it, and marking it published fails (as when the relay's replica dies
     * between the two): the batch is sent again, twice here, and the consumer applies the event once. This
     * service's own outbox carries a factory event, as the factory service's would, so that the kit's relay, the
     * broker and the kit's inbox are all the real ones end to end.
     */
    @Test
    void anEventTheRelaySentButCouldNotMarkIsSentAgainAndAppliedOnce() {
        String factory = activeFactory("de-resent");
        String granted = grant(technology(), factory);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> queryLong("select count(*) from outbox_event where published_at is null") == 0);

        UUID suspension;
        try (RefusedWrites notMarked = RefusedWrites.refuse(TestInfrastructure.DATABASE, "outbox_event", "update",
                "old.aggregate_id = '" + factory + "' and old.published_at is null and new.published_at is not null",
                2)) {
            suspension = QuarkusTransaction.requiringNew().call(() -> outbox.record(Topics.FACTORY_EVENTS, factory,
                    FactoryEventTypes.SUSPENDED, FactoryEventTypes.SCHEMA_VERSION, "netadmin",
                    factorySnapshot(factory, FactoryStatus.SUSPENDED, "security incident")).eventId());
            await().atMost(Duration.ofSeconds(30)).until(() -> queryLong(
                    "select count(*) from outbox_event where event_id = ? and published_at is not null",
                    suspension) == 1);
            assertThat(notMarked.refusals()).isEqualTo(2);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> copiesOf(factory, suspension) >= 3);
        assertThat(copiesOf(factory, suspension)).as("sent, not marked, twice; then marked").isEqualTo(3);

        awaitStatus(granted, "SUSPENDED");
        // a later event of the factory, on the same partition: once it is applied, every copy before it was handled
        announceFactory(factory, FactoryEventTypes.UPDATED, FactoryStatus.SUSPENDED, "renamed");
        await().atMost(Duration.ofSeconds(30)).until(() -> "renamed".equals(
                queryString("select status_reason from factory_view where id = ?", factory)));

        assertThat(queryLong("select count(*) from processed_event where event_id = ?", suspension)).isEqualTo(1);
        assertThat(queryLong("select count(*) from licence_audit where licence_id = ? and action = ?", granted,
                "FACTORY_SUSPENDED")).isEqualTo(1);
        assertThat(queryLong("select count(*) from outbox_event where aggregate_id = ? and event_type = ?", granted,
                "LicenceSuspended")).isEqualTo(1);
    }

    private static long copiesOf(String factory, UUID eventId) {
        return factoryEvents.eventsFor(factory).stream().filter(e -> e.eventId().equals(eventId)).count();
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(h -> headers.putIfAbsent(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }
}
