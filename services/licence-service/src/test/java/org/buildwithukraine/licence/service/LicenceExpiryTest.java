package org.buildwithukraine.licence.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.asMaker;
import static org.buildwithukraine.licence.Fixtures.asOfficer;
import static org.buildwithukraine.licence.Fixtures.awaitStatus;
import static org.buildwithukraine.licence.Fixtures.decide;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.licenceOf;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.buildwithukraine.licence.Fixtures.today;
import static org.buildwithukraine.licence.Fixtures.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.licence.TestClock;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;

/** The expiry job, driven by the service clock: GRANTED licences expire once their last valid day is over. */
@QuarkusTest
class LicenceExpiryTest {

    @RegisterExtension
    static final TopicRecorder licenceEvents = TopicRecorder.of(Topics.LICENCE_EVENTS);

    @Inject
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private static Map<String, Object> lastDay(String technology, String factory, LocalDate validTo) {
        return with(with(licence(technology, factory), "validFrom", today().minusDays(30).toString()), "validTo",
                validTo.toString());
    }

    @Test
    void grantedLicencesExpireTheDayAfterTheirLastDayOthersDoNotAndLapsedOnesAreNotPutInForce() {
        String factory = activeFactory("nl-expiry");
        String technology = technology();
        LocalDate today = today();
        String endsToday = grant(lastDay(technology, factory, today));
        String endsTomorrow = grant(lastDay(technology, factory, today.plusDays(1)));
        String suspended = grant(lastDay(technology, factory, today));
        decide(suspended, "suspend", "inspection").statusCode(200);
        Map<String, Object> application = new HashMap<>(lastDay(technology, factory, today));
        application.remove("factoryId");
        String requested = asMaker(factory).body(application).post("/api/licences/requests").then().statusCode(201)
                .extract().path("id");

        // the scheduler runs every second: on the last valid day, nothing expires
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5))
                .until(() -> "GRANTED".equals(asOfficer().get("/api/licences/{id}", endsToday).then().extract()
                        .path("status")));

        clock.advance(Duration.ofDays(1));
        awaitStatus(endsToday, "EXPIRED");
        licenceOf(endsToday).body("statusReason", equalTo("validity ended on " + today));
        licenceOf(endsTomorrow).body("status", equalTo("GRANTED"));
        licenceOf(suspended).body("status", equalTo("SUSPENDED"));
        licenceOf(requested).body("status", equalTo("REQUESTED"));

        EventEnvelope expired = licenceEvents.awaitEvent(endsToday, e -> e.type().equals("LicenceExpired"));
        assertThat(expired.actor()).isEqualTo("system:licence-expiry");
        assertThat(expired.payload().get("status").asText()).isEqualTo("EXPIRED");
        asOfficer().get("/api/licences/{id}/audit", endsToday).then()
                .body("action", contains("GRANT", "EXPIRE"))
                .body("[1].actor", equalTo("system:licence-expiry"))
                .body("[1].changes.status.to", equalTo("EXPIRED"));

        // expired is final
        for (String decision : new String[] { "grant", "suspend", "reinstate", "revoke" }) {
            decide(endsToday, decision, "after expiry").statusCode(409);
        }
        asOfficer().body(Map.of("validTo", today.plusYears(1).toString(), "reason", "extend"))
                .patch("/api/licences/{id}", endsToday).then().statusCode(409);

        // a licence whose validity has ended is not put in force again until its validity is amended
        decide(requested, "grant", "late decision").statusCode(409)
                .body("detail", equalTo("Licence " + requested + " cannot be granted: its validity ended on " + today
                        + "; amend validTo first"));
        decide(suspended, "reinstate", "inspection over").statusCode(409);
        asOfficer().body(Map.of("validTo", today.plusYears(1).toString(), "reason", "new framework contract"))
                .patch("/api/licences/{id}", requested).then().statusCode(200);
        decide(requested, "grant", "late decision").statusCode(200).body("status", equalTo("GRANTED"));

        clock.advance(Duration.ofDays(1));
        awaitStatus(endsTomorrow, "EXPIRED");
        licenceOf(requested).body("status", equalTo("GRANTED"));
        assertThat(licenceEvents.eventsFor(endsToday)).extracting(EventEnvelope::type)
                .containsExactly("LicenceGranted", "LicenceExpired");
    }
}
