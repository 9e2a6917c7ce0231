package org.buildwithukraine.licence;

import java.util.EnumSet;
import java.util.Set;

import org.buildwithukraine.events.licence.LicenceStatus;

/**
 * Where a licence stands: its status and, while SUSPENDED, every reason it is suspended for (so that lifting
 * one reason does not lift the other).
 */
public record Standing(LicenceStatus status, Set<SuspensionCause> suspensions) {

    public Standing {
        suspensions = suspensions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(suspensions));
        if ((status == LicenceStatus.SUSPENDED) == suspensions.isEmpty()) {
            throw new IllegalArgumentException("A licence has suspension causes exactly when it is SUSPENDED, not "
                    + status + " " + suspensions);
        }
    }

    public static Standing of(LicenceStatus status) {
        return new Standing(status, Set.of());
    }

    public static Standing suspended(SuspensionCause... causes) {
        return new Standing(LicenceStatus.SUSPENDED, Set.of(causes));
    }

    public boolean suspendedFor(SuspensionCause cause) {
        return suspensions.contains(cause);
    }
}
