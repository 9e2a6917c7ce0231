package org.buildwithukraine.routing.engine;

import java.time.LocalDate;

import org.buildwithukraine.events.order.CustomerClass;

/**
 * What an order asks for.
 *
 * @param sequence order of arrival; breaks ties between orders of one class and needed-by date (first come,
 *                 first served)
 * @param destinationCountry ISO code; EXPORT orders only
 * @param exportCentreId     export centre the units leave through; EXPORT orders only
 */
public record Order(String id, long sequence, CustomerClass customerClass, String technologyCode, long quantity,
        LocalDate neededBy, String destinationCountry, String exportCentreId) {

    public boolean isExport() {
        return customerClass == CustomerClass.EXPORT;
    }
}
