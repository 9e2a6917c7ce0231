package org.buildwithukraine.routing.order.service;

import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.events.order.OrderState;

/** Null fields do not filter. */
public record OrderFilter(OrderState state, CustomerClass customerClass, String technologyCode) {
}
