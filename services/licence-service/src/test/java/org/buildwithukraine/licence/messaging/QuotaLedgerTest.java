package org.buildwithukraine.licence.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.announceFactory;
import static org.buildwithukraine.licence.Fixtures.as;
import static org.buildwithukraine.licence.Fixtures.asMaker;
import static org.buildwithukraine.licence.Fixtures.asOfficer;
import static org.buildwithukraine.licence.Fixtures.awaitStatus;
import static org.buildwithukraine.licence.Fixtures.decide;
import static org.buildwithukraine.licence.Fixtures.envelope;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.licenceOf;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.buildwithukraine.licence.Fixtures.queryString;
import static org.buildwithukraine.licence.Fixtures.reportOutput;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.buildwithukraine.licence.Fixtures.today;
import static org.buildwithukraine.licence.Fixtures.uniqueId;
import static org.buildwithukraine.licence.Fixtures.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.licence.Fixtures.Output;
import org.buildwithukraine.testsupport.TestKafka;
import org.buildwithukraine.testsupport.TestTokens;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Good units reported on line.output use up the quota of the licences that cover them, each report once. */
@QuarkusTest
class QuotaLedgerTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @RegisterExtension
    static final TopicRecorder licenceEvents = TopicRecorder.of(Topics.LICENCE_EVENTS);

    @RegisterExtension
    static final TopicRecorder deadLetters = TopicRecorder.of(Topics.deadLetterOf(Topics.LINE_OUTPUT));

    private static String factory;

    @BeforeEach
    void world() {
        if (factory == null) {
            factory = activeFactory("de-quota");
        }
    }

    private RequestSpecification onManagementPort() {
        return given().port(management.getPort());
    }

    private static String licenceWithCap(String technology, long cap) {
        return grant(with(licence(technology, factory), "quantityCap", cap));
    }

    private static void awaitConsumed(String licenceId, long units) {
        await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) asOfficer().get("/api/licences/{id}", licenceId)
                .then().extract().path("unitsConsumed")).longValue() == units);
    }

    private static void awaitInLedger(UUID eventId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> queryLong("select count(*) from quota_ledger where event_id = ?", eventId) == 1);
    }

    @Test
    void outputUsesUpQuotaAndEveryChangeIsAnnouncedAndAudited() {
        String technology = technology();
        String id = licenceWithCap(technology, 100);
        String line = uniqueId("DE-MUC");
        reportOutput(line, factory, technology, 30);
        awaitConsumed(id, 30);
        licenceOf(id).body("remainingQuota", equalTo(70)).body("status", equalTo("GRANTED"));

        EventEnvelope consumed = licenceEvents.awaitEvents(id, 2).get(1);
        assertThat(consumed.type()).isEqualTo("LicenceQuotaConsumed");
        assertThat(consumed.actor()).isEqualTo("service-account-mes-" + factory);
        assertThat(consumed.payload().get("unitsConsumed").asLong()).isEqualTo(30);
        assertThat(consumed.payload().get("remainingQuota").asLong()).isEqualTo(70);
        asOfficer().get("/api/licences/{id}/audit", id).then()
                .body("action", contains("GRANT", "CONSUME_QUOTA"))
                .body("[1].actor", equalTo("service-account-mes-" + factory))
                .body("[1].changes.unitsConsumed.from", equalTo(0))
                .body("[1].changes.unitsConsumed.to", equalTo(30));

        // the cap cannot be amended below what is already produced
        asOfficer().body(Map.of("quantityCap", 30, "reason", "cut")).patch("/api/licences/{id}", id).then()
                .statusCode(400).body("errors.field", contains("quantityCap"))
                .body("errors[0].message", equalTo("must be more than the 30 units already consumed"));
        asOfficer().body(Map.of("quantityCap", 31, "reason", "cut")).patch("/api/licences/{id}", id).then()
                .statusCode(200).body("remainingQuota", equalTo(1));
    }

    @Test
    void theSameOutputEventDeliveredTwiceIsCountedOnce() {
        String technology = technology();
        String id = licenceWithCap(technology, 500);
        String line = uniqueId("DE-MUC");
        Output output = reportOutput(line, factory, technology, 25);
        TestKafka.send(Topics.LINE_OUTPUT, line, output.json());
        TestKafka.send(Topics.LINE_OUTPUT, line, output.json());
        // same line, same partition: once this one is counted, the redeliveries before it were handled
        Output marker = reportOutput(line, factory, technology, 1);
        awaitInLedger(marker.eventId());
        awaitConsumed(id, 26);

        assertThat(queryLong("select count(*) from quota_ledger where event_id = ?", output.eventId())).isEqualTo(1);
        assertThat(queryLong("select sum(units) from quota_charge where licence_id = ?", id)).isEqualTo(26);
        assertThat(licenceEvents.awaitEvents(id, 3)).extracting(e -> e.payload().get("unitsConsumed").asLong())
                .containsExactly(0L, 25L, 26L);
    }

    @Test
    void aReportAnnouncedAgainUnderAnotherEventIdIsCountedOnce() {
        String technology = technology();
        String id = licenceWithCap(technology, 500);
        String line = uniqueId("UK-BRS");
        Instant observed = Instant.now();
        reportOutput(line, factory, technology, 10, "report-17", observed);
        reportOutput(line, factory, technology, 10, "report-17", observed);
        Output marker = reportOutput(line, factory, technology, 2);
        awaitInLedger(marker.eventId());
        awaitConsumed(id, 12);
        assertThat(queryLong("select count(*) from quota_ledger where line_id = ? and report_id = ?", line,
                "report-17")).isEqualTo(1);
    }

    @Test
    void reachingTheCapExhaustsTheLicenceAndNothingIsCountedBeyondIt() {
        String technology = technology();
        String id = licenceWithCap(technology, 50);
        String line = uniqueId("DE-MUC");
        reportOutput(line, factory, technology, 30);
        Output overshoot = reportOutput(line, factory, technology, 45);
        awaitStatus(id, "EXHAUSTED");
        licenceOf(id).body("unitsConsumed", equalTo(50)).body("remainingQuota", equalTo(0))
                .body("statusReason", equalTo("output report " + overshoot.reportId() + " of line " + line
                        + ": 20 units; quota of 50 units used up"));
        assertThat(queryLong("select units_unlicensed from quota_ledger where event_id = ?", overshoot.eventId()))
                .isEqualTo(25);

        List<EventEnvelope> events = licenceEvents.awaitEvents(id, 3);
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("LicenceGranted", "LicenceQuotaConsumed", "LicenceExhausted");
        assertThat(events.get(2).payload().get("remainingQuota").asLong()).isZero();
        assertThat(events.get(2).payload().get("status").asText()).isEqualTo("EXHAUSTED");

        Output after = reportOutput(line, factory, technology, 5);
        awaitInLedger(after.eventId());
        licenceOf(id).body("unitsConsumed", equalTo(50));
        assertThat(queryLong("select units_unlicensed from quota_ledger where event_id = ?", after.eventId()))
                .isEqualTo(5);
        assertThat(queryLong("select sum(units) from quota_charge where licence_id = ?", id)).isEqualTo(50);

        // exhausted is final
        for (String decision : new String[] { "grant", "suspend", "reinstate", "revoke" }) {
            decide(id, decision, "after exhaustion").statusCode(409);
        }
        asOfficer().body(Map.of("quantityCap", 80, "reason", "more")).patch("/api/licences/{id}", id).then()
                .statusCode(409);
    }

    /** Charged while suspended, the licence keeps its status; back in force with nothing left, it is exhausted. */
    @Test
    void aLicenceWhoseQuotaIsUsedUpWhileSuspendedIsExhaustedWhenItIsReinstated() {
        String technology = technology();
        String byOfficer = licenceWithCap(technology, 20);
        Instant whileGranted = Instant.now();
        await().until(() -> Instant.now().isAfter(whileGranted));
        decide(byOfficer, "suspend", "inspection").statusCode(200);
        // made while it was GRANTED, reported while it is suspended
        reportOutput(uniqueId("DE-MUC"), factory, technology, 20, uniqueId("report"), whileGranted);
        awaitConsumed(byOfficer, 20);
        licenceOf(byOfficer).body("status", equalTo("SUSPENDED")).body("remainingQuota", equalTo(0));

        decide(byOfficer, "reinstate", "inspection passed").statusCode(200).body("status", equalTo("EXHAUSTED"))
                .body("statusReason", equalTo("quota of 20 units used up while suspended"));
        asOfficer().get("/api/licences/{id}/audit", byOfficer).then()
                .body("action", contains("GRANT", "SUSPEND", "CONSUME_QUOTA", "REINSTATE", "EXHAUST"));
        assertThat(licenceEvents.awaitEvents(byOfficer, 5)).extracting(EventEnvelope::type).containsExactly(
                "LicenceGranted", "LicenceSuspended", "LicenceQuotaConsumed", "LicenceReinstated", "LicenceExhausted");
    }

    @Test
    void aLicenceUsedUpWhileItsFactoryWasSuspendedIsExhaustedWithTheFactorysReinstatement() {
        String technology = technology();
        String factoryOfTest = activeFactory("de-used-up");
        String id = grant(with(licence(technology, factoryOfTest), "quantityCap", 15));
        Instant whileGranted = Instant.now();
        await().until(() -> Instant.now().isAfter(whileGranted));
        announceFactory(factoryOfTest, FactoryEventTypes.SUSPENDED, FactoryStatus.SUSPENDED, "audit");
        awaitStatus(id, "SUSPENDED");
        reportOutput(uniqueId("DE-MUC"), factoryOfTest, technology, 15, uniqueId("report"), whileGranted);
        awaitConsumed(id, 15);

        announceFactory(factoryOfTest, FactoryEventTypes.REINSTATED, FactoryStatus.ACTIVE, "audit passed");
        awaitStatus(id, "EXHAUSTED");
        asOfficer().get("/api/licences/{id}/audit", id).then()
                .body("action", contains("GRANT", "FACTORY_SUSPENDED", "CONSUME_QUOTA", "FACTORY_REINSTATED", "EXHAUST"))
                .body("[4].actor", equalTo("netadmin"));
    }

    @Test
    void unitsSpillOverToTheNextLicenceTheOneEndingFirstFirst() {
        String technology = technology();
        String later = licenceWithCap(technology, 100);
        String sooner = grant(with(with(licence(technology, factory), "quantityCap", 10), "validTo",
                today().plusDays(30).toString()));
        String line = uniqueId("DE-MUC");
        reportOutput(line, factory, technology, 25);
        awaitStatus(sooner, "EXHAUSTED");
        awaitConsumed(later, 15);
        licenceOf(sooner).body("unitsConsumed", equalTo(10));
    }

    @Test
    void outputNotCoveredByAGrantedLicenceIsUnlicensed() {
        String technology = technology();
        String suspended = licenceWithCap(technology, 100);
        decide(suspended, "suspend", "inspection").statusCode(200);
        String line = uniqueId("DE-MUC");
        Output output = reportOutput(line, factory, technology, 10);
        awaitInLedger(output.eventId());
        assertThat(queryLong("select units_unlicensed from quota_ledger where event_id = ?", output.eventId()))
                .isEqualTo(10);
        licenceOf(suspended).body("unitsConsumed", equalTo(0));

        // output observed before the licence's first day is not covered by it either
        String future = grant(with(with(licence(technology, factory), "validFrom", today().plusDays(10).toString()),
                "validTo", today().plusDays(40).toString()));
        Output early = reportOutput(line, factory, technology, 4);
        awaitInLedger(early.eventId());
        licenceOf(future).body("unitsConsumed", equalTo(0));
    }

    @Test
    void outputNoLicenceCoveredIsRecordedListedAnnouncedAndCountedAsUnlicensed() {
        String technology = technology();
        String factoryOfTest = activeFactory("de-unlicensed");
        // observed before the licence was granted: its validity began yesterday, but it was not GRANTED then
        Instant beforeGrant = Instant.now().minusSeconds(3600);
        String id = grant(with(licence(technology, factoryOfTest), "quantityCap", 100));
        String line = uniqueId("DE-MUC");
        Output early = reportOutput(line, factoryOfTest, technology, 7, uniqueId("report"), beforeGrant);
        Output ancient = reportOutput(line, factoryOfTest, technology, 5000, uniqueId("report"),
                Instant.parse("2001-06-01T08:00:00Z"));
        Output covered = reportOutput(line, factoryOfTest, technology, 3);
        awaitInLedger(covered.eventId());
        awaitConsumed(id, 3);

        asOfficer().queryParam("factoryId", factoryOfTest).get("/api/licences/unlicensed-output").then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.reportId", contains(early.reportId(), ancient.reportId()))
                .body("items.unlicensedUnits", contains(7, 5000))
                .body("items.goodUnits", contains(7, 5000))
                .body("items.reason", contains("NO_VALID_LICENCE", "NO_VALID_LICENCE"))
                .body("items[0].lineId", equalTo(line))
                .body("items[0].technologyCode", equalTo(technology))
                .body("items[0].reportedBy", equalTo("service-account-mes-" + factoryOfTest))
                .body("items[0].outputEventId", equalTo(early.eventId().toString()));

        List<EventEnvelope> recorded = licenceEvents.awaitEvents(factoryOfTest, 2);
        assertThat(recorded).extracting(EventEnvelope::type).containsOnly("UnlicensedOutputRecorded");
        assertThat(recorded).extracting(e -> e.payload().get("unlicensedUnits").asLong())
                .containsExactlyInAnyOrder(7L, 5000L);
        assertThat(recorded.get(0).payload().get("factoryId").asText()).isEqualTo(factoryOfTest);

        onManagementPort().get("/q/metrics").then().statusCode(200).body(containsString(
                "bwu_unlicensed_output_units_total{factory=\"" + factoryOfTest + "\",technology=\"" + technology
                        + "\"} 5007.0"));

        // for officers only
        asMaker(factoryOfTest).get("/api/licences/unlicensed-output").then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.mes(factoryOfTest).bearer()).get("/api/licences/unlicensed-output").then().statusCode(403);
        asOfficer().queryParam("size", 0).get("/api/licences/unlicensed-output").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("size"));
    }

    @Test
    void whatCountsIsTheLicenceAsItStoodWhenTheUnitsWereMade() {
        String technology = technology();
        String factoryOfTest = activeFactory("de-history");
        String suspendedSince = grant(with(with(licence(technology, factoryOfTest), "quantityCap", 100), "validTo",
                today().plusDays(20).toString()));
        String line = uniqueId("DE-MUC");
        Instant whileGranted = Instant.now();
        await().until(() -> Instant.now().isAfter(whileGranted));
        decide(suspendedSince, "suspend", "inspection").statusCode(200);
        Instant whileSuspended = Instant.now();
        await().until(() -> Instant.now().isAfter(whileSuspended));
        decide(suspendedSince, "reinstate", "inspection passed").statusCode(200);
        decide(suspendedSince, "suspend", "second inspection").statusCode(200);

        // made while the licence was GRANTED: charged to it, although it is suspended now
        Output madeWhileGranted = reportOutput(line, factoryOfTest, technology, 10, uniqueId("report"), whileGranted);
        // made while it was suspended: unlicensed, although it was reinstated since
        Output madeWhileSuspended = reportOutput(line, factoryOfTest, technology, 4, uniqueId("report"),
                whileSuspended);
        awaitInLedger(madeWhileSuspended.eventId());
        awaitConsumed(suspendedSince, 10);
        licenceOf(suspendedSince).body("status", equalTo("SUSPENDED"));
        assertThat(queryLong("select units_unlicensed from quota_ledger where event_id = ?",
                madeWhileGranted.eventId())).isZero();
        assertThat(queryString("select reason from unlicensed_output where event_id = ?",
                madeWhileSuspended.eventId())).isEqualTo("NO_VALID_LICENCE");

        // a licence that permits EXPORT only covers no production
        String otherTechnology = technology();
        String exportOnly = grant(with(with(licence(otherTechnology, factoryOfTest), "activities", List.of("EXPORT")),
                "quantityCap", 100));
        Output notProduction = reportOutput(line, factoryOfTest, otherTechnology, 6);
        awaitInLedger(notProduction.eventId());
        licenceOf(exportOnly).body("unitsConsumed", equalTo(0));
        assertThat(queryLong("select unlicensed_units from unlicensed_output where event_id = ?",
                notProduction.eventId())).isEqualTo(6);
    }

    @Test
    void unitsBeyondTheQuotaOfEveryValidLicenceAreUnlicensedForExceedingIt() {
        String technology = technology();
        String id = licenceWithCap(technology, 5);
        String line = uniqueId("DE-MUC");
        Output overshoot = reportOutput(line, factory, technology, 8);
        awaitStatus(id, "EXHAUSTED");
        awaitInLedger(overshoot.eventId());
        asOfficer().queryParam("factoryId", factory).queryParam("technologyCode", technology)
                .get("/api/licences/unlicensed-output").then().statusCode(200)
                .body("items.reportId", contains(overshoot.reportId()))
                .body("items[0].goodUnits", equalTo(8))
                .body("items[0].unlicensedUnits", equalTo(3))
                .body("items[0].reason", equalTo("QUOTA_EXCEEDED"));
    }

    @Test
    void unreadableOutputGoesToTheDeadLetterTopicAndTheLineKeepsCounting() {
        String technology = technology();
        String id = licenceWithCap(technology, 100);
        String line = uniqueId("DE-MUC");
        TestKafka.send(Topics.LINE_OUTPUT, line, "garbage");
        TestKafka.send(Topics.LINE_OUTPUT, line, envelope(LineEventTypes.OUTPUT_REPORTED, line, "client:mes", 1,
                Map.of("lineId", line, "factoryId", factory, "technologyCode", technology, "reportId", "r-neg",
                        "observedAt", Instant.now().toString(), "goodUnits", -5)));
        reportOutput(line, factory, technology, 7);
        awaitConsumed(id, 7);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.recordsFor(line).size() >= 2);
        assertThat(deadLetters.recordsFor(line)).hasSize(2);
    }
}
