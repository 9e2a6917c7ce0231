package org.buildwithukraine.line.service;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.buildwithukraine.line.Region;

public class RegionProducer {

    /** Read once at startup: a misconfigured region stops the instance before it serves anything. */
    @Produces
    @Singleton
    Region region(RegionConfig config) {
        return Region.of(config.code(), config.zone(), config.lineIdPrefix());
    }
}
