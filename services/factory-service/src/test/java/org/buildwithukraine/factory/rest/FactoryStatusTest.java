package org.buildwithukraine.factory.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.factory.Requests.asNetworkAdmin;
import static org.buildwithukraine.factory.Requests.changeStatus;
import static org.buildwithukraine.factory.Requests.register;
import static org.buildwithukraine.factory.Requests.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.testsupport.TopicRecorder;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

@QuarkusTest
class FactoryStatusTest {

    @RegisterExtension
    static final TopicRecorder factoryEvents = TopicRecorder.of(Topics.FACTORY_EVENTS);

    @Inject
    DataSource dataSource;

    @Test
    void eachLegalTransitionEmitsExactlyOneEvent() {
        String id = uniqueId("de-berlin");
        register(id);
        changeStatus(id, "ACTIVE", "audit passed").statusCode(200).body("status", equalTo("ACTIVE"));
        changeStatus(id, "SUSPENDED", "security incident").statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("statusReason", equalTo("security incident"));
        changeStatus(id, "ACTIVE", "incident closed").statusCode(200).body("status", equalTo("ACTIVE"));

        List<EventEnvelope> events = factoryEvents.awaitEvents(id, 4);
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("FactoryRegistered", "FactoryActivated", "FactorySuspended", "FactoryReinstated");
        assertThat(events.get(2).payload().get("statusReason").asText()).isEqualTo("security incident");
        assertThat(events).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
        // a later event of another factory has arrived, so the relay is past ours: nothing more will come
        String marker = uniqueId("marker");
        register(marker);
        factoryEvents.awaitEvents(marker, 1);
        assertThat(factoryEvents.eventsFor(id)).hasSize(4);
    }

    @Test
    void illegalTransitionsAreConflictsAndChangeNothing() {
        String id = uniqueId("de-hamburg");
        register(id);
        changeStatus(id, "SUSPENDED", "too early").statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Factory " + id + " is ONBOARDING and cannot become SUSPENDED"));
        changeStatus(id, "ACTIVE", "onboarded").statusCode(200);
        changeStatus(id, "ACTIVE", "again").statusCode(409).contentType("application/problem+json");
        asNetworkAdmin().get("/api/factories/{id}", id).then().body("status", equalTo("ACTIVE"))
                .body("statusReason", equalTo("onboarded"));

        // the marker's event may be on another partition and arrive first: wait for ours before judging
        factoryEvents.awaitEvents(id, 2);
        String marker = uniqueId("marker");
        register(marker);
        factoryEvents.awaitEvents(marker, 1);
        assertThat(factoryEvents.eventsFor(id)).extracting(EventEnvelope::type)
                .containsExactly("FactoryRegistered", "FactoryActivated");
    }

    @Test
    void statusRequestsAreValidated() {
        String id = uniqueId("de-kiel");
        register(id);
        changeStatus(id, "ACTIVE", "ok").statusCode(200);
        changeStatus(id, "SUSPENDED", " ").statusCode(400).body("errors.field", contains("reason"));
        changeStatus(id, "ONBOARDING", "back to start").statusCode(400).body("errors.field", contains("status"));
        asNetworkAdmin().body(Map.of("reason", "no status")).post("/api/factories/{id}/status", id).then()
                .statusCode(400).body("errors.field", contains("status"));
        asNetworkAdmin().get("/api/factories/{id}", id).then().body("status", equalTo("ACTIVE"));
        changeStatus("xx-unknown", "ACTIVE", "who?").statusCode(404).contentType("application/problem+json");
    }

    @Test
    void updatesAreAnnouncedOnlyWhenSomethingChanges() {
        String id = uniqueId("uk-derby");
        register(id);
        asNetworkAdmin().body(Map.of("name", "Derby Works", "capabilities", List.of("LONG_RANGE_UAV")))
                .patch("/api/factories/{id}", id).then().statusCode(200)
                .body("name", equalTo("Derby Works")).body("capabilities", contains("LONG_RANGE_UAV"));
        asNetworkAdmin().body(Map.of("name", "Derby Works")).patch("/api/factories/{id}", id).then()
                .statusCode(200);
        asNetworkAdmin().body(Map.of("name", " ", "capabilities", List.of("TEA"))).patch("/api/factories/{id}", id)
                .then().statusCode(400).body("errors.field", contains("capabilities[0]", "name"));

        factoryEvents.awaitEvents(id, 2);
        String marker = uniqueId("marker");
        register(marker);
        factoryEvents.awaitEvents(marker, 1);
        List<EventEnvelope> events = factoryEvents.eventsFor(id);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("FactoryRegistered", "FactoryUpdated");
        assertThat(events.get(1).payload().get("name").asText()).isEqualTo("Derby Works");
    }

    /**
     * The body timeout guards the arrival of a body, not the work on it: a change that waits for a lock longer
     * than that is answered by the service, once, and happens.
     */
    @Test
    void aChangeSlowerThanTheBodyTimeoutIsAnsweredByTheService() throws Exception {
        String id = uniqueId("de-lubeck");
        register(id);
        changeStatus(id, "ACTIVE", "audit passed").statusCode(200);
        Duration bodyTimeout = ConfigProvider.getConfig().getValue("bwu.http.body-timeout", Duration.class);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM factory WHERE id = ? FOR UPDATE")) {
                lock.setString(1, id);
                lock.executeQuery().close();
            }
            CompletableFuture<ValidatableResponse> change =
                    CompletableFuture.supplyAsync(() -> changeStatus(id, "SUSPENDED", "waited for the lock"));
            Thread.sleep(bodyTimeout.plusSeconds(1).toMillis());
            holder.commit();
            change.get(30, TimeUnit.SECONDS).statusCode(200).body("status", equalTo("SUSPENDED"));
        }
        asNetworkAdmin().get("/api/factories/{id}", id).then().body("status", equalTo("SUSPENDED"))
                .body("statusReason", equalTo("waited for the lock"));
    }
}
