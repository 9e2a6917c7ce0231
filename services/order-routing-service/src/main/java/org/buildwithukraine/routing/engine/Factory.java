package org.buildwithukraine.routing.engine;

import java.time.Instant;

import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;

/**
 * A factory or export centre as the router sees it.
 *
 * @param statusSince when it entered its current status; null if unknown
 */
public record Factory(String id, FactoryKind kind, FactoryStatus status, String statusReason, Instant statusSince) {
}
