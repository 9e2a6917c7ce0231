package org.buildwithukraine.routing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactorySnapshot;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.events.licence.LicenceSnapshot;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.events.line.LineSnapshot;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.routing.network.FactoryView;
import org.buildwithukraine.routing.network.LicenceView;
import org.buildwithukraine.routing.network.LineView;
import org.buildwithukraine.testsupport.TestKafka;
import org.buildwithukraine.testsupport.TestTokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The network as the other services describe it on their topics (envelopes shaped like their outboxes write
 * them), waits for the router's read model to take it in, and calls of the order API as the desk makes them.
 */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    public static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private Fixtures() {
    }

    /** An id no other test uses: tests share the database and topics, and stay apart by their own ids. */
    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).toUpperCase();
    }

    // ---- events of the other services ----

    public static String envelope(UUID eventId, String type, String aggregateId, String actor, Object payload) {
        return envelope(eventId, type, aggregateId, actor, Instant.now(), 1, payload);
    }

    public static String envelope(UUID eventId, String type, String aggregateId, String actor, Instant occurredAt,
            int schemaVersion, Object payload) {
        try {
            return JSON.writeValueAsString(new EventEnvelope(eventId, type, aggregateId, occurredAt, actor,
                    schemaVersion, JSON.valueToTree(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void factory(String id, FactoryKind kind, FactoryStatus status, String reason) {
        String type = switch (status) {
            case ONBOARDING -> FactoryEventTypes.REGISTERED;
            case ACTIVE -> FactoryEventTypes.ACTIVATED;
            case SUSPENDED -> FactoryEventTypes.SUSPENDED;
        };
        TestKafka.send(Topics.FACTORY_EVENTS, id, envelope(UUID.randomUUID(), type, id, "netadmin",
                new FactorySnapshot(id, "Factory " + id, "DE", kind, Set.of(TechnologyCategory.FPV_DRONE), status,
                        reason)));
    }

    public static void activeFactory(String id) {
        factory(id, FactoryKind.MANUFACTURER, FactoryStatus.ACTIVE, "onboarded");
    }

    public static void exportCentre(String id) {
        factory(id, FactoryKind.EXPORT_CENTRE, FactoryStatus.ACTIVE, "onboarded");
    }

    public static LicenceSnapshot licence(String id, String factoryId, String technology, long cap,
            String... exportTerritories) {
        Set<LicenceActivity> activities = exportTerritories.length == 0 ? EnumSet.of(LicenceActivity.PRODUCE)
                : EnumSet.of(LicenceActivity.PRODUCE, LicenceActivity.EXPORT);
        return new LicenceSnapshot(id, technology, TechnologyCategory.FPV_DRONE, factoryId, activities, cap, 0, cap,
                TODAY.minusDays(30), TODAY.plusDays(365), Set.of(exportTerritories), LicenceStatus.GRANTED, null, false);
    }

    public static void sendLicence(String type, LicenceSnapshot licence) {
        TestKafka.send(Topics.LICENCE_EVENTS, licence.licenceId(),
                envelope(UUID.randomUUID(), type, licence.licenceId(), "officer", licence));
    }

    public static LicenceSnapshot withStatus(LicenceSnapshot l, LicenceStatus status, String reason) {
        return new LicenceSnapshot(l.licenceId(), l.technologyCode(), l.technologyCategory(), l.factoryId(),
                l.activities(), l.quantityCap(), l.unitsConsumed(), l.remainingQuota(), l.validFrom(), l.validTo(),
                l.exportTerritories(), status, reason, l.earlierRevisions());
    }

    public static LineSnapshot line(String id, String factoryId, String technology, int capacityPerDay,
            LineState state) {
        return new LineSnapshot(id, "de", factoryId, technology, capacityPerDay, state,
                state == LineState.DOWN ? DowntimeReason.BREAKDOWN : null, Instant.now());
    }

    public static void sendLine(String type, LineSnapshot line) {
        TestKafka.send(Topics.LINE_STATUS, line.lineId(),
                envelope(UUID.randomUUID(), type, line.lineId(), "client:mes-" + line.factoryId(), line));
    }

    public static void registerLine(LineSnapshot line) {
        sendLine(LineEventTypes.REGISTERED, line);
    }

    public static void sendOutput(OutputReported output) {
        TestKafka.send(Topics.LINE_OUTPUT, output.lineId(), outputEvent(output));
    }

    /** The OutputReported event as a production-line service publishes it, under a new event id. */
    public static String outputEvent(OutputReported output) {
        return envelope(UUID.randomUUID(), LineEventTypes.OUTPUT_REPORTED, output.lineId(),
                "client:mes-" + output.factoryId(), output);
    }

    // ---- waiting for the read model ----

    public static void awaitFactory(String id, Predicate<FactoryView> until) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            FactoryView view = FactoryView.findById(id);
            return view != null && until.test(view);
        }));
    }

    public static void awaitLicence(String id, Predicate<LicenceView> until) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            LicenceView view = LicenceView.findById(id);
            return view != null && until.test(view);
        }));
    }

    public static void awaitLine(String id, Predicate<LineView> until) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            LineView view = LineView.findById(id);
            return view != null && until.test(view);
        }));
    }

    /**
     * A small network of its own for one test: active factories, each with one running line of the given
     * capacity and a granted licence (permitting export to LV and LT), all for a technology no other test uses.
     */
    public record TestNetwork(String technology, List<String> factories, List<String> lines, List<String> licences,
            String exportCentre) {

        public static TestNetwork of(int... capacities) {
            String technology = unique("UA-T");
            String centre = unique("lv-riga").toLowerCase();
            Fixtures.exportCentre(centre);
            List<String> factories = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            List<String> licences = new ArrayList<>();
            for (int i = 0; i < capacities.length; i++) {
                String factory = unique("f" + i).toLowerCase();
                String line = unique("DE-L" + i);
                String licence = unique("LIC" + i);
                activeFactory(factory);
                sendLicence(LicenceEventTypes.GRANTED, licence(licence, factory, technology, 100_000, "LV", "LT"));
                registerLine(line(line, factory, technology, capacities[i], LineState.RUNNING));
                factories.add(factory);
                lines.add(line);
                licences.add(licence);
            }
            awaitFactory(centre, f -> f.status == FactoryStatus.ACTIVE);
            for (int i = 0; i < capacities.length; i++) {
                awaitFactory(factories.get(i), f -> f.status == FactoryStatus.ACTIVE);
                awaitLicence(licences.get(i), l -> l.status == LicenceStatus.GRANTED);
                awaitLine(lines.get(i), l -> l.state == LineState.RUNNING);
            }
            return new TestNetwork(technology, List.copyOf(factories), List.copyOf(lines), List.copyOf(licences),
                    centre);
        }
    }

    // ---- the order API ----

    public static RequestSpecification asDesk() {
        return as(TestTokens.user("desk", Roles.ORDER_DESK).bearer());
    }

    public static RequestSpecification as(String authorization) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON);
    }

    public static Map<String, Object> order(String customerClass, String technology, long quantity, int neededInDays) {
        Map<String, Object> order = new HashMap<>();
        order.put("customerClass", customerClass);
        order.put("customer", "Armed Forces of Ukraine");
        order.put("technologyCode", technology);
        order.put("quantity", quantity);
        order.put("neededBy", TODAY.plusDays(neededInDays).toString());
        return order;
    }

    public static Map<String, Object> exportOrder(String technology, long quantity, int neededInDays,
            String destination, String centre) {
        Map<String, Object> order = order("EXPORT", technology, quantity, neededInDays);
        order.put("customer", "Export customer");
        order.put("destinationCountry", destination);
        order.put("exportCentreId", centre);
        return order;
    }

    /** Places the order with a fresh Idempotency-Key. */
    public static Response place(Map<String, Object> order) {
        return asDesk().header("Idempotency-Key", UUID.randomUUID().toString()).body(order).post("/api/orders");
    }
}
