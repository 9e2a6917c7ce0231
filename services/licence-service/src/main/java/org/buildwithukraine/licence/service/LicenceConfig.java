package org.buildwithukraine.licence.service;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "bwu.licence")
public interface LicenceConfig {

    /** The zone whose calendar days validFrom and validTo are, and in which output is dated. */
    ZoneId zone();

    /** How often lapsed licences are looked for (also read by the scheduler). */
    Duration expiryInterval();

    /** How often the headroom metrics of the granted licences are read (by the scheduler, LicenceHeadroom). */
    Duration headroomInterval();
}
