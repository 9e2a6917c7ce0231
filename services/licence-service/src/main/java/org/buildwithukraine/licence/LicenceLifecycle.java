package org.buildwithukraine.licence;

import static org.buildwithukraine.events.licence.LicenceStatus.EXHAUSTED;
import static org.buildwithukraine.events.licence.LicenceStatus.EXPIRED;
import static org.buildwithukraine.events.licence.LicenceStatus.GRANTED;
import static org.buildwithukraine.events.licence.LicenceStatus.REQUESTED;
import static org.buildwithukraine.events.licence.LicenceStatus.REVOKED;
import static org.buildwithukraine.events.licence.LicenceStatus.SUSPENDED;
import static org.buildwithukraine.licence.SuspensionCause.FACTORY;
import static org.buildwithukraine.licence.SuspensionCause.OFFICER;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.events.licence.LicenceStatus;

/**
 * The licence state machine: REQUESTED → GRANTED ⇄ SUSPENDED → REVOKED; GRANTED → EXPIRED (by date) or
 * EXHAUSTED (by quota). REVOKED, EXPIRED and EXHAUSTED are final.
 * <ul>
 * <li>Revoking a request refuses it; a GRANTED licence can be revoked without being suspended first.</li>
 * <li>A factory suspension suspends the factory's GRANTED licences; the factory's reinstatement reinstates
 * those that were suspended for that reason only. A licence an officer suspended stays suspended until an
 * officer reinstates it, and an officer cannot reinstate a licence while its factory is suspended.</li>
 * <li>An officer puts a licence in force (grants or reinstates it) only while its factory is ACTIVE and its
 * validity is not over.</li>
 * </ul>
 */
public final class LicenceLifecycle {

    private static final Set<LicenceStatus> FINAL = EnumSet.of(REVOKED, EXPIRED, EXHAUSTED);

    private LicenceLifecycle() {
    }

    /** A manufacturer asked for a licence for its factory. */
    public static Standing requested() {
        return Standing.of(REQUESTED);
    }

    /** An officer granted a licence without a request. */
    public static Standing grantedDirectly() {
        return Standing.of(GRANTED);
    }

    public static Step apply(Standing standing, LicenceAction action) {
        LicenceStatus status = standing.status();
        return switch (action) {
            case GRANT -> status == REQUESTED ? changed(GRANTED, LicenceEventTypes.GRANTED)
                    : refused(status, "only a REQUESTED licence can be granted");
            case SUSPEND -> status == GRANTED ? new Step.Changed(Standing.suspended(OFFICER),
                    LicenceEventTypes.SUSPENDED) : refused(status, "only a GRANTED licence can be suspended");
            case REINSTATE -> reinstate(standing);
            case REVOKE -> FINAL.contains(status) ? refused(status, "it is final")
                    : changed(REVOKED, LicenceEventTypes.REVOKED);
            case EXPIRE -> status == GRANTED ? changed(EXPIRED, LicenceEventTypes.EXPIRED)
                    : refused(status, "only a GRANTED licence expires");
            case EXHAUST -> status == GRANTED ? changed(EXHAUSTED, LicenceEventTypes.EXHAUSTED)
                    : refused(status, "only a GRANTED licence consumes quota");
            case FACTORY_SUSPENDED -> factorySuspended(standing);
            case FACTORY_REINSTATED -> factoryReinstated(standing);
        };
    }

    /**
     * An officer's decision: {@link #apply} and, when it puts the licence in force (GRANT, REINSTATE), its
     * factory must be ACTIVE and its validity not over.
     *
     * @param factoryStatus the licence's factory as known here (null if not); only consulted when the decision
     *                      puts the licence in force
     */
    public static Step decide(Standing standing, LicenceAction action, String factoryId, FactoryStatus factoryStatus,
            LocalDate validTo, LocalDate today) {
        Step step = apply(standing, action);
        if (step instanceof Step.Refused || !putsInForce(action)) {
            return step;
        }
        if (factoryStatus != FactoryStatus.ACTIVE) {
            return new Step.Refused("factory " + factoryId + " is " + (factoryStatus == null ? "unknown" : factoryStatus));
        }
        if (validTo.isBefore(today)) {
            return new Step.Refused("its validity ended on " + validTo + "; amend validTo first");
        }
        return step;
    }

    /** GRANT and REINSTATE put a licence in force: they are officers' decisions, under {@link #decide}'s rules. */
    public static boolean putsInForce(LicenceAction action) {
        return action == LicenceAction.GRANT || action == LicenceAction.REINSTATE;
    }

    /** Cap, validity, territories and provisos may change until the licence is final. */
    public static boolean amendable(LicenceStatus status) {
        return !FINAL.contains(status);
    }

    /** Only a GRANTED licence covers production; output reported under any other status is unlicensed. */
    public static boolean consumesQuota(LicenceStatus status) {
        return status == GRANTED;
    }

    private static Step reinstate(Standing standing) {
        if (standing.status() != SUSPENDED) {
            return refused(standing.status(), "only a SUSPENDED licence can be reinstated");
        }
        if (standing.suspendedFor(FACTORY)) {
            return new Step.Refused("The licence is suspended with its factory; it is reinstated when the factory is");
        }
        return changed(GRANTED, LicenceEventTypes.REINSTATED);
    }

    private static Step factorySuspended(Standing standing) {
        if (standing.status() == GRANTED) {
            return new Step.Changed(Standing.suspended(FACTORY), LicenceEventTypes.SUSPENDED);
        }
        if (standing.status() == SUSPENDED && !standing.suspendedFor(FACTORY)) {
            return new Step.Changed(Standing.suspended(OFFICER, FACTORY), null);
        }
        return new Step.Unchanged();
    }

    private static Step factoryReinstated(Standing standing) {
        if (!standing.suspendedFor(FACTORY)) {
            return new Step.Unchanged();
        }
        if (standing.suspendedFor(OFFICER)) {
            return new Step.Changed(Standing.suspended(OFFICER), null);
        }
        return changed(GRANTED, LicenceEventTypes.REINSTATED);
    }

    private static Step changed(LicenceStatus next, String eventType) {
        return new Step.Changed(Standing.of(next), eventType);
    }

    private static Step refused(LicenceStatus status, String rule) {
        return new Step.Refused("The licence is " + status + ": " + rule);
    }
}
