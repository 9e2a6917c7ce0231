package org.buildwithukraine.factory.rest;

import java.time.Instant;
import java.util.List;

import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.factory.Factory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record FactoryResponse(String id, String name, String country, FactoryKind kind, List<String> capabilities,
        FactoryStatus status,
        @Schema(nullable = true) String statusReason, Instant registeredAt, Instant updatedAt) {

    static FactoryResponse of(Factory factory) {
        return new FactoryResponse(factory.id(), factory.name(), factory.country(), factory.kind(),
                factory.capabilities().stream().map(Enum::name).sorted().toList(), factory.status(),
                factory.statusReason(), factory.registeredAt(), factory.updatedAt());
    }
}
