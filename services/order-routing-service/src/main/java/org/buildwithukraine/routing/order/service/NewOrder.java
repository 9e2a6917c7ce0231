package org.buildwithukraine.routing.order.service;

import java.time.LocalDate;

import org.buildwithukraine.events.order.CustomerClass;

public record NewOrder(CustomerClass customerClass, String customer, String technologyCode, long quantity,
        LocalDate neededBy, String destinationCountry, String exportCentreId) {
}
