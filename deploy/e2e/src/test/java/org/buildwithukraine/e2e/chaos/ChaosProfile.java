package org.buildwithukraine.e2e.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How much of the suite runs ({@code -Dchaos.profile}): {@code fast} (bounded, in the suite's test command: one
 * production region killed, then PostgreSQL crashed, about two minutes) or {@code full} (every application killed in
 * turn, the broker down 30 s, PostgreSQL crashed, Keycloak stopped 60 s, and one of two instances of the licence,
 * routing and de production services killed mid-flow: {@code deploy/chaos/run.sh}).
 */
enum ChaosProfile {

    FAST(Duration.ofSeconds(5), List.of(Fault.killed("production-de"), Fault.databaseCrash(Duration.ofSeconds(5)))),
    FULL(Duration.ofSeconds(10), List.of(Fault.killed("production-de"), Fault.killed("production-uk"),
            Fault.killed("licence-service"), Fault.killed("order-routing-service"), Fault.killed("factory-service"),
            Fault.killed("gateway"), Fault.brokerDown(Duration.ofSeconds(30)),
            Fault.databaseCrash(Duration.ofSeconds(10)), Fault.identityProviderDown(Duration.ofSeconds(60)),
            Fault.replicaKilled("licence-service"), Fault.replicaKilled("order-routing-service"),
            Fault.replicaKilled("production-de")));

    /** Load before the fault is injected, so that every stream is in flight when it strikes. */
    private final Duration warmUp;
    private final List<Fault> faults;

    ChaosProfile(Duration warmUp, List<Fault> faults) {
        this.warmUp = warmUp;
        this.faults = faults;
    }

    static Optional<ChaosProfile> chosen() {
        String name = System.getProperty("chaos.profile", "off").trim().toUpperCase(Locale.ROOT);
        return name.equals("FAST") || name.equals("FULL") ? Optional.of(valueOf(name)) : Optional.empty();
    }

    Duration warmUp() {
        return warmUp;
    }

    List<Fault> faults() {
        return faults;
    }
}
