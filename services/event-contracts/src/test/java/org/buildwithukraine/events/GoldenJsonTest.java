package org.buildwithukraine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactorySnapshot;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.events.licence.LicenceSnapshot;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.events.licence.TechnicalDataReleaseSnapshot;
import org.buildwithukraine.events.licence.UnlicensedOutputRecorded;
import org.buildwithukraine.events.licence.UnlicensedOutputRecorded.UnlicensedReason;
import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.events.line.LineSnapshot;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.events.line.OutputReported.AllocationProgress;
import org.buildwithukraine.events.order.AllocationCancelled;
import org.buildwithukraine.events.order.AllocationCreated;
import org.buildwithukraine.events.order.AllocationEventTypes;
import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.events.order.OrderEventTypes;
import org.buildwithukraine.events.order.OrderSnapshot;
import org.buildwithukraine.events.order.OrderState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The wire form of every event, pinned: each payload type's envelope as a golden file under
 * {@code src/test/resources/golden}. Serialising the event gives the file, and reading the file gives the event, so
 * a renamed field, a changed date format or an enum constant renamed fails here before it reaches a consumer. A
 * deliberate change of a payload comes with a new file and a new {@code SCHEMA_VERSION}.
 */
class GoldenJsonTest {

    /** As the services write events (Quarkus' mapper: ISO-8601 dates), reading strictly to catch renamed fields. */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final UUID EVENT_ID = UUID.fromString("0d4f5b6e-8a31-4c2e-9f7a-3b1c2d4e5f60");
    private static final Instant OCCURRED_AT = Instant.parse("2026-03-02T09:15:30.125Z");

    /** Which payload each event type carries, and so which golden file pins it. */
    private static final Map<String, Class<?>> PAYLOADS = Map.ofEntries(
            Map.entry(FactoryEventTypes.REGISTERED, FactorySnapshot.class),
            Map.entry(FactoryEventTypes.UPDATED, FactorySnapshot.class),
            Map.entry(FactoryEventTypes.ACTIVATED, FactorySnapshot.class),
            Map.entry(FactoryEventTypes.SUSPENDED, FactorySnapshot.class),
            Map.entry(FactoryEventTypes.REINSTATED, FactorySnapshot.class),
            Map.entry(LicenceEventTypes.REQUESTED, LicenceSnapshot.class),
            Map.entry(LicenceEventTypes.GRANTED, LicenceSnapshot.class),
            Map.entry(LicenceEventTypes.AMENDED, LicenceSnapshot.class),
            Map.entry(LicenceEventTypes.SUSPENDED, LicenceSnapshot.class),
            Map.entry(LicenceEventTypes.REINSTATED, LicenceSnapshot.class),
            Map.entry(LicenceEventTypes.REVOKED, LicenceSnapshot.class),
            Map.entry(LicenceEventTypes.EXPIRED, LicenceSnapshot.class),
            Map.entry(LicenceEventTypes.EXHAUSTED, LicenceSnapshot.class),
            Map.entry(LicenceEventTypes.QUOTA_CONSUMED, LicenceSnapshot.class),
            Map.entry(LicenceEventTypes.UNLICENSED_OUTPUT_RECORDED, UnlicensedOutputRecorded.class),
            Map.entry(LicenceEventTypes.TECHNICAL_DATA_RELEASED, TechnicalDataReleaseSnapshot.class),
            Map.entry(LicenceEventTypes.TECHNICAL_DATA_WITHDRAWN, TechnicalDataReleaseSnapshot.class),
            Map.entry(LineEventTypes.REGISTERED, LineSnapshot.class),
            Map.entry(LineEventTypes.STATUS_CHANGED, LineSnapshot.class),
            Map.entry(LineEventTypes.OUTPUT_REPORTED, OutputReported.class),
            Map.entry(AllocationEventTypes.CREATED, AllocationCreated.class),
            Map.entry(AllocationEventTypes.CANCELLED, AllocationCancelled.class),
            Map.entry(OrderEventTypes.RECEIVED, OrderSnapshot.class),
            Map.entry(OrderEventTypes.ROUTED, OrderSnapshot.class),
            Map.entry(OrderEventTypes.QUEUED, OrderSnapshot.class),
            Map.entry(OrderEventTypes.REJECTED, OrderSnapshot.class),
            Map.entry(OrderEventTypes.IN_PRODUCTION, OrderSnapshot.class),
            Map.entry(OrderEventTypes.FULFILLED, OrderSnapshot.class),
            Map.entry(OrderEventTypes.CANCELLED, OrderSnapshot.class));

    static Stream<Arguments> events() {
        return Stream.of(
                event(FactoryEventTypes.SUSPENDED, "de-bremen", new FactorySnapshot("de-bremen", "Bremen Works", "DE",
                        FactoryKind.MANUFACTURER, EnumSet.of(TechnologyCategory.FPV_DRONE,
                                TechnologyCategory.RECON_UAV), FactoryStatus.SUSPENDED, "security review")),
                event(LicenceEventTypes.GRANTED, "LIC-7", new LicenceSnapshot("LIC-7", "UA-FPV-7",
                        TechnologyCategory.FPV_DRONE, "de-bremen", EnumSet.of(LicenceActivity.PRODUCE,
                                LicenceActivity.EXPORT), 5000, 1200, 3800, LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-12-31"), new TreeSet<>(List.of("EE", "LV")), LicenceStatus.GRANTED,
                        null, true)),
                event(LicenceEventTypes.UNLICENSED_OUTPUT_RECORDED, "de-bremen", new UnlicensedOutputRecorded(
                        UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"), "DE-BRE-01", "de", "de-bremen",
                        "UA-FPV-7", "r-118", Instant.parse("2026-03-02T08:00:00Z"), 40, 15,
                        UnlicensedReason.QUOTA_EXCEEDED)),
                event(LicenceEventTypes.TECHNICAL_DATA_WITHDRAWN, "UA-FPV-7", new TechnicalDataReleaseSnapshot(
                        "UA-FPV-7", "B", "WITHDRAWN", "EU ML10 — export controlled", "Second issue", "officer",
                        Instant.parse("2026-02-01T10:00:00Z"), "chief-officer", Instant.parse("2026-03-01T12:30:00Z"),
                        "drawing error")),
                event(LineEventTypes.STATUS_CHANGED, "DE-BRE-01", new LineSnapshot("DE-BRE-01", "de", "de-bremen",
                        "UA-FPV-7", 120, LineState.DOWN, DowntimeReason.POWER, Instant.parse("2026-03-02T09:00:00Z"))),
                event(LineEventTypes.OUTPUT_REPORTED, "DE-BRE-01", new OutputReported("DE-BRE-01", "de", "de-bremen",
                        "UA-FPV-7", "r-118", Instant.parse("2026-03-02T08:00:00Z"), 40, 2,
                        List.of(new AllocationProgress("ALLOC-3", "ORD-9", 40, 140, 60)))),
                event(AllocationEventTypes.CREATED, "DE-BRE-01", new AllocationCreated("ALLOC-3", "ORD-9",
                        "DE-BRE-01", "de-bremen", "LIC-7", "UA-FPV-7", CustomerClass.UA_DEFENCE, 200,
                        Instant.parse("2026-03-03T06:00:00Z"), Instant.parse("2026-03-05T18:00:00Z"))),
                event(AllocationEventTypes.CANCELLED, "DE-BRE-01", new AllocationCancelled("ALLOC-3", "ORD-9",
                        "DE-BRE-01", "line down")),
                event(OrderEventTypes.ROUTED, "ORD-9", new OrderSnapshot("ORD-9", CustomerClass.EXPORT,
                        "Estonian Defence Forces", "UA-FPV-7", 200, LocalDate.parse("2026-04-30"), "EE", "pl-rzeszow",
                        OrderState.PARTIALLY_ROUTED, 150, 0, null)));
    }

    private static Arguments event(String type, String aggregateId, Object payload) {
        int version = EventSchemas.versionOf(type).orElseThrow();
        EventEnvelope envelope = new EventEnvelope(EVENT_ID, type, aggregateId, OCCURRED_AT, "officer", version,
                JSON.valueToTree(payload));
        return Arguments.of(payload.getClass().getSimpleName(), envelope, payload);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void serialisingTheEventGivesItsGoldenFile(String payloadType, EventEnvelope envelope, Object payload)
            throws IOException {
        assertThat(JSON.readTree(JSON.writeValueAsString(envelope))).isEqualTo(JSON.readTree(golden(payloadType)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void readingTheGoldenFileGivesTheEvent(String payloadType, EventEnvelope envelope, Object payload)
            throws IOException {
        EventEnvelope read = JSON.readValue(golden(payloadType), EventEnvelope.class);
        assertThat(read).usingRecursiveComparison().ignoringFields("payload").isEqualTo(envelope);
        assertThat(JSON.treeToValue(read.payload(), payload.getClass())).isEqualTo(payload);
    }

    @Test
    void everyEventTypeCarriesAPayloadWithAGoldenFile() {
        assertThat(PAYLOADS).containsOnlyKeys(EventSchemas.types());
        Set<Class<?>> pinned = new HashSet<>();
        events().forEach(arguments -> pinned.add(arguments.get()[2].getClass()));
        assertThat(pinned).containsExactlyInAnyOrderElementsOf(Set.copyOf(PAYLOADS.values()));
    }

    private static byte[] golden(String payloadType) throws IOException {
        try (InputStream file = GoldenJsonTest.class.getResourceAsStream("/golden/" + payloadType + ".json")) {
            assertThat(file).as("golden/%s.json", payloadType).isNotNull();
            return file.readAllBytes();
        }
    }
}
