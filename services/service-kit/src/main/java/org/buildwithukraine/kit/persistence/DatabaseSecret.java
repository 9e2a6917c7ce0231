package org.buildwithukraine.kit.persistence;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;

/**
 * The database password as a required setting. Quarkus treats a missing {@code quarkus.datasource.password} as
 * "no password" and fails only at its first connection, with an error about the database; mirrored here
 * ({@code bwu.database.password=${quarkus.datasource.password}} in the kit's defaults), a production start without
 * its Secret ({@code QUARKUS_DATASOURCE_PASSWORD}) stops while reading its configuration, naming the property.
 * Services set the password for {@code %dev} and {@code %test} only. Nothing injects it: it is kept so that it is
 * checked at every start.
 */
@Unremovable
@ConfigMapping(prefix = "bwu.database")
public interface DatabaseSecret {

    String password();
}
