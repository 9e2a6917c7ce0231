package org.buildwithukraine.line.service;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The region an instance serves; one deployment per region, chosen by configuration alone. */
@ConfigMapping(prefix = "bwu.region")
public interface RegionConfig {

    /** Lower-case region code, e.g. {@code de}; it names the region in events and in the consumer group. */
    String code();

    /** Time zone of the region's factories: an OEE "day" is a calendar day there. */
    String zone();

    /** Prefix of the line ids the region owns; by default the upper-cased code and a dash, e.g. {@code DE-}. */
    Optional<String> lineIdPrefix();
}
