package org.buildwithukraine.events.order;

import java.time.LocalDate;

/**
 * @param destinationCountry ISO 3166-1 alpha-2; EXPORT orders only
 * @param exportCentreId     factory id of the export centre; EXPORT orders only
 * @param reason             why the order is QUEUED, REJECTED or CANCELLED
 */
public record OrderSnapshot(
        String orderId,
        CustomerClass customerClass,
        String customer,
        String technologyCode,
        long quantity,
        LocalDate neededBy,
        String destinationCountry,
        String exportCentreId,
        OrderState state,
        long allocatedQuantity,
        long producedQuantity,
        String reason) {
}
