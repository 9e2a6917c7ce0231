package org.buildwithukraine.e2e.chaos;

import java.time.Duration;
import java.util.Optional;

import org.buildwithukraine.e2e.Platform;

/**
 * One fault of the suite: a component of the platform (as the launcher names it) killed with SIGKILL and its whole
 * process group, as when its pod dies, or stopped (Keycloak, as for an upgrade), left down for {@code outage}, then
 * started again through the launcher (up.sh starts what is not running and waits until all of it is ready).
 *
 * @param name      how the table names it
 * @param component the launcher's name: production-de, licence-service, gateway, kafka, postgres, keycloak, ...
 * @param killed    SIGKILL (a crash) rather than a stop
 * @param outage    how long it stays down before it is started again (an application killed is restarted at once)
 * @param replicaOf the service a second instance of which is started before the load and is the one killed (the
 *                  launcher's component "replica"): the first instance carries on alone, nothing is restarted
 */
record Fault(String name, String component, boolean killed, Duration outage, Optional<String> replicaOf) {

    static Fault killed(String application) {
        return new Fault("kill -9 " + application, application, true, Duration.ZERO, Optional.empty());
    }

    static Fault brokerDown(Duration outage) {
        return new Fault("Kafka killed for " + outage.toSeconds() + " s", "kafka", true, outage, Optional.empty());
    }

    static Fault databaseCrash(Duration outage) {
        return new Fault("PostgreSQL killed for " + outage.toSeconds() + " s", "postgres", true, outage,
                Optional.empty());
    }

    static Fault identityProviderDown(Duration outage) {
        return new Fault("Keycloak stopped for " + outage.toSeconds() + " s", "keycloak", false, outage,
                Optional.empty());
    }

    static Fault replicaKilled(String service) {
        return new Fault("kill -9 of one of two " + service, "replica", true, Duration.ZERO, Optional.of(service));
    }

    /** Before the load: the second instance, if the fault kills one of two. */
    void prepare(Platform platform) {
        replicaOf.ifPresent(platform::startReplica);
    }

    void inject(Platform platform) {
        if (killed) {
            platform.kill(component);
        } else {
            platform.stop(component);
        }
    }

    /** Starts what was killed or stopped again (a killed replica stays dead) and waits until all of it is ready. */
    void recover(Platform platform) {
        platform.up(false);
    }

    /** Whether clients of the platform may get no answer at all: only while its one entry, the gateway, is down. */
    boolean silencesTheGateway() {
        return component.equals("gateway");
    }

    /** Whether no token can be had while it lasts: the tokens issued before have to carry the load through it. */
    boolean stopsLogins() {
        return component.equals("keycloak");
    }
}
