package org.buildwithukraine.licence.techdata.service;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "bwu.technical-data")
public interface TechnicalDataConfig {

    /** The largest file an officer can upload (413 over it). */
    @WithDefault("200M")
    MemorySize maxFileSize();

    /** Files are stored, and read back, in chunks of this size: what a transfer holds in memory at a time. */
    @WithDefault("1M")
    MemorySize chunkSize();

    /** How long an upload's transaction may last, body included, before it is rolled back. */
    @WithDefault("30M")
    Duration uploadTimeout();
}
