package org.buildwithukraine.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.kit.inbox.InboundEvents.UnreadableEventException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** What the kit lets through from a topic, before any consumer sees it. */
class InboundEventsTest {

    private final InboundEvents inbound = new InboundEvents(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void anEventOfTheSchemaVersionItsContractGivesIsRead() {
        assertThat(inbound.parse(event(FactoryEventTypes.SUSPENDED, FactoryEventTypes.SCHEMA_VERSION)).type())
                .isEqualTo(FactoryEventTypes.SUSPENDED);
    }

    @Test
    void anEventOfAnotherSchemaVersionIsRefusedNamingBothVersions() {
        assertThatThrownBy(() -> inbound.parse(event(FactoryEventTypes.SUSPENDED, 2)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("Event 5b0e7e9c-3c1e-4c55-9d1e-2a7f9b1d2c3e of type FactorySuspended has schemaVersion 2;"
                        + " this service reads version 1 only");
        assertThatThrownBy(() -> inbound.parse(event(FactoryEventTypes.SUSPENDED, 0)))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("schemaVersion 0");
        assertThatThrownBy(() -> inbound.parse(event(FactoryEventTypes.SUSPENDED, null)))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("schemaVersion 0");
    }

    /** Its consumers pass over a type they do not handle, including one a producer adds later. */
    @Test
    void anEventOfATypeTheContractsDoNotDescribeIsLeftToItsConsumer() {
        assertThat(inbound.parse(event("FactoryCertified", 7)).schemaVersion()).isEqualTo(7);
    }

    private static String event(String type, Integer schemaVersion) {
        return """
                {"eventId":"5b0e7e9c-3c1e-4c55-9d1e-2a7f9b1d2c3e","type":"%s","aggregateId":"de-kiel",
                 "occurredAt":"2030-01-01T00:00:00Z",%s"payload":{}}"""
                .formatted(type, schemaVersion == null ? "" : "\"schemaVersion\":" + schemaVersion + ",");
    }
}
