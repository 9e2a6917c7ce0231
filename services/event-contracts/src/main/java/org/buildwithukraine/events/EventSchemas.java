package org.buildwithukraine.events;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.events.order.AllocationEventTypes;
import org.buildwithukraine.events.order.OrderEventTypes;

/**
 * The payload schema version of every event type these contracts describe: what a consumer built on them can
 * read. A producer that changes a payload incompatibly raises its type family's {@code SCHEMA_VERSION}; consumers
 * still built on the older contracts then refuse those events instead of misreading them.
 */
public final class EventSchemas {

    private static final Map<String, Integer> VERSIONS = new HashMap<>();

    static {
        register(FactoryEventTypes.SCHEMA_VERSION, FactoryEventTypes.REGISTERED, FactoryEventTypes.UPDATED,
                FactoryEventTypes.ACTIVATED, FactoryEventTypes.SUSPENDED, FactoryEventTypes.REINSTATED);
        register(LicenceEventTypes.SCHEMA_VERSION, LicenceEventTypes.REQUESTED, LicenceEventTypes.GRANTED,
                LicenceEventTypes.AMENDED, LicenceEventTypes.SUSPENDED, LicenceEventTypes.REINSTATED,
                LicenceEventTypes.REVOKED, LicenceEventTypes.EXPIRED, LicenceEventTypes.EXHAUSTED,
                LicenceEventTypes.QUOTA_CONSUMED, LicenceEventTypes.UNLICENSED_OUTPUT_RECORDED,
                LicenceEventTypes.TECHNICAL_DATA_RELEASED, LicenceEventTypes.TECHNICAL_DATA_WITHDRAWN);
        register(LineEventTypes.SCHEMA_VERSION, LineEventTypes.REGISTERED, LineEventTypes.STATUS_CHANGED,
                LineEventTypes.OUTPUT_REPORTED);
        register(AllocationEventTypes.SCHEMA_VERSION, AllocationEventTypes.CREATED, AllocationEventTypes.CANCELLED);
        register(OrderEventTypes.SCHEMA_VERSION, OrderEventTypes.RECEIVED, OrderEventTypes.ROUTED,
                OrderEventTypes.QUEUED, OrderEventTypes.REJECTED, OrderEventTypes.IN_PRODUCTION,
                OrderEventTypes.FULFILLED, OrderEventTypes.CANCELLED);
    }

    private EventSchemas() {
    }

    private static void register(int version, String... types) {
        for (String type : types) {
            if (VERSIONS.put(type, version) != null) {
                throw new IllegalStateException("Event type " + type + " is declared twice");
            }
        }
    }

    /** Every event type these contracts describe. */
    public static Set<String> types() {
        return Set.copyOf(VERSIONS.keySet());
    }

    /** @return the schema version of the type's payload, or empty for a type these contracts do not describe */
    public static OptionalInt versionOf(String type) {
        Integer version = VERSIONS.get(type);
        return version == null ? OptionalInt.empty() : OptionalInt.of(version);
    }
}
