package org.buildwithukraine.licence.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.envelope;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.licenceOf;
import static org.buildwithukraine.licence.Fixtures.outputEvent;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.buildwithukraine.licence.Fixtures.queryString;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.buildwithukraine.licence.Fixtures.uniqueId;
import static org.buildwithukraine.licence.Fixtures.with;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.kit.inbox.InboundEvents.UnreadableEventException;
import org.buildwithukraine.licence.Fixtures.Output;
import org.buildwithukraine.licence.TestInfrastructure;
import org.buildwithukraine.testsupport.DirectBatch;
import org.buildwithukraine.testsupport.RefusedWrites;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The line.output consumer takes a poll at a time (the kit's EventBatches), on the real database: the polls are
 * handed to it directly ({@link DirectBatch}), so that each test decides what one poll holds.
 */
@QuarkusTest
class LineOutputBatchesTest {

    @Inject
    LineOutputConsumer consumer;

    private final DirectBatch batches = new DirectBatch();
    private long offset;

    @Test
    void aPollIsCountedOnceEachWhateverItRepeats() {
        String factory = activeFactory("de-batch");
        String technology = technology();
        String licence = grant(with(licence(technology, factory), "quantityCap", 1000));
        String line = uniqueId("DE-BATCH");
        Output applied = output(line, factory, technology, 5);
        poll(line, applied.json());

        Output first = output(line, factory, technology, 7);
        Output second = output(line, factory, technology, 11);
        // a redelivery of an event applied before, and a copy of one in the same poll
        poll(line, applied.json(), first.json(), first.json(), second.json());

        assertThat(batches.parked()).isEmpty();
        for (Output output : List.of(applied, first, second)) {
            assertThat(inLedger(output.eventId())).as(output.reportId()).isEqualTo(1);
            assertThat(queryLong("select count(*) from processed_event where event_id = ?", output.eventId()))
                    .isEqualTo(1);
        }
        licenceOf(licence).body("unitsConsumed", equalTo(23));
    }

    /**
     * Every charge of a poll is audited, the licence announced once, after the last of them, with where they left
     * it; the reporter of them all is its actor, or the ledger when several reported them.
     */
    @Test
    void aLicenceChargedByAPollIsAnnouncedOnceWithWhereThePollLeftIt() {
        String factory = activeFactory("de-batch-once");
        String technology = technology();
        String licence = grant(with(licence(technology, factory), "quantityCap", 1000));
        String line = uniqueId("DE-BATCH-ONCE");

        poll(line, output(line, factory, technology, 5).json(), output(line, factory, technology, 7).json(),
                output(line, factory, technology, 11).json());

        assertThat(audited(licence, "CONSUME_QUOTA")).isEqualTo(3);
        assertThat(announced(licence, "LicenceQuotaConsumed")).isEqualTo(1);
        assertThat(lastAnnouncement(licence, "payload,unitsConsumed")).isEqualTo("23");
        assertThat(lastAnnouncement(licence, "actor")).isEqualTo("service-account-mes-" + factory);

        OutputReported byAnother = new OutputReported(line, "de", factory, technology, uniqueId("report"),
                Instant.now(), 2, 0, List.of());
        poll(line, output(line, factory, technology, 1).json(), envelope(LineEventTypes.OUTPUT_REPORTED, line,
                "someone-at-" + factory, LineEventTypes.SCHEMA_VERSION, byAnother));

        assertThat(audited(licence, "CONSUME_QUOTA")).isEqualTo(5);
        assertThat(announced(licence, "LicenceQuotaConsumed")).isEqualTo(2);
        assertThat(lastAnnouncement(licence, "payload,unitsConsumed")).isEqualTo("26");
        assertThat(lastAnnouncement(licence, "actor")).isEqualTo("system:quota-ledger");
        licenceOf(licence).body("unitsConsumed", equalTo(26));
    }

    /** A charge that uses the quota up is announced as the exhaustion, which stands for the charges before it. */
    @Test
    void aPollThatExhaustsALicenceAnnouncesTheExhaustionAlone() {
        String factory = activeFactory("de-batch-exhaust");
        String technology = technology();
        String licence = grant(with(licence(technology, factory), "quantityCap", 10));
        String line = uniqueId("DE-BATCH-EXHAUST");

        poll(line, output(line, factory, technology, 4).json(), output(line, factory, technology, 6).json(),
                output(line, factory, technology, 3).json());

        assertThat(audited(licence, "CONSUME_QUOTA")).isEqualTo(1);
        assertThat(audited(licence, "EXHAUST")).isEqualTo(1);
        assertThat(announced(licence, "LicenceQuotaConsumed")).isZero();
        assertThat(announced(licence, "LicenceExhausted")).isEqualTo(1);
        assertThat(lastAnnouncement(licence, "payload,unitsConsumed")).isEqualTo("10");
        assertThat(lastAnnouncement(licence, "payload,status")).isEqualTo("EXHAUSTED");
        licenceOf(licence).body("status", equalTo("EXHAUSTED"));
    }

    private static long audited(String licence, String action) {
        return queryLong("select count(*) from licence_audit where licence_id = ? and action = ?", licence, action);
    }

    private static long announced(String licence, String type) {
        return queryLong("select count(*) from outbox_event where aggregate_id = ? and event_type = ?", licence, type);
    }

    /** A field of the envelope of the licence's latest event, by its path ({@code payload,status}). */
    private static String lastAnnouncement(String licence, String path) {
        return queryString("select envelope #>> ?::text[] from outbox_event where aggregate_id = ? "
                + "order by position desc limit 1", "{" + path + "}", licence);
    }

    @Test
    void anUnreadableRecordIsParkedAloneAndTheRestOfItsPollCounted() {
        String factory = activeFactory("de-batch-bad");
        String technology = technology();
        String licence = grant(with(licence(technology, factory), "quantityCap", 1000));
        String line = uniqueId("DE-BATCH-BAD");
        Output before = output(line, factory, technology, 3);
        Output after = output(line, factory, technology, 4);

        poll(line, before.json(), "{\"not\": \"an event\"}", after.json());

        assertThat(batches.parked()).singleElement().isInstanceOf(UnreadableEventException.class);
        assertThat(inLedger(before.eventId())).isEqualTo(1);
        assertThat(inLedger(after.eventId())).isEqualTo(1);
        licenceOf(licence).body("unitsConsumed", equalTo(7));
    }

    /**
     * One event whose handling fails for good fails its poll's transaction: the poll is rolled back and its events
     * applied one by one, so that only the failing one is parked. It was tried three times in all, once in the
     * poll and twice alone, as InboundTransactions tries a single event.
     */
    @Test
    void anEventThatFailsForGoodIsParkedAloneAfterThreeAttemptsAndTheRestOfItsPollCounted() {
        String factory = activeFactory("de-batch-fail");
        String technology = technology();
        String licence = grant(with(licence(technology, factory), "quantityCap", 1000));
        String line = uniqueId("DE-BATCH-FAIL");
        Output before = output(line, factory, technology, 2);
        Output refused = output(line, factory, technology, 30);
        Output after = output(line, factory, technology, 5);

        try (RefusedWrites ledgerRefuses = RefusedWrites.always(TestInfrastructure.DATABASE, "quota_ledger",
                "insert", "new.report_id = '" + refused.reportId() + "'")) {
            poll(line, before.json(), refused.json(), after.json());
            assertThat(ledgerRefuses.refusals()).as("attempts").isEqualTo(3);
        }

        assertThat(batches.parked()).singleElement().satisfies(reason -> assertThat(reason)
                .hasMessageContaining(RefusedWrites.MESSAGE));
        assertThat(inLedger(refused.eventId())).isZero();
        assertThat(queryLong("select count(*) from processed_event where event_id = ?", refused.eventId())).isZero();
        assertThat(inLedger(before.eventId())).isEqualTo(1);
        assertThat(inLedger(after.eventId())).isEqualTo(1);
        licenceOf(licence).body("unitsConsumed", equalTo(7));
    }

    private static Output output(String line, String factory, String technology, long units) {
        return outputEvent(line, factory, technology, units, uniqueId("report"), Instant.now());
    }

    private void poll(String line, String... values) {
        consumer.onLineOutput(batches.of(Topics.LINE_OUTPUT, 0, offset, line, List.of(values)))
                .toCompletableFuture().join();
        offset += values.length;
    }

    private static long inLedger(UUID eventId) {
        return queryLong("select count(*) from quota_ledger where event_id = ?", eventId);
    }
}
