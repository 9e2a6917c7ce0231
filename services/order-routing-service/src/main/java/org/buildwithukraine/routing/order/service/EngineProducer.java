package org.buildwithukraine.routing.order.service;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.buildwithukraine.routing.engine.RoutingEngine;
import org.buildwithukraine.routing.engine.RoutingPolicy;

public class EngineProducer {

    @Produces
    @Singleton
    RoutingEngine engine(RoutingConfig config) {
        return new RoutingEngine(new RoutingPolicy(config.horizonDays()));
    }
}
