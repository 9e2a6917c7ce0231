package org.buildwithukraine.events.factory;

import java.util.Set;

import org.buildwithukraine.events.TechnologyCategory;

/**
 * Payload of every factory event: the factory as it is after the change, so that a consumer can keep its
 * local view by upserting the snapshot whatever the event type.
 *
 * @param statusReason why the factory was last suspended or reinstated; null while onboarding
 */
public record FactorySnapshot(
        String id,
        String name,
        String country,
        FactoryKind kind,
        Set<TechnologyCategory> capabilities,
        FactoryStatus status,
        String statusReason) {
}
