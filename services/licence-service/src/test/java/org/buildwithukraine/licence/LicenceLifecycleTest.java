package org.buildwithukraine.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.buildwithukraine.events.licence.LicenceStatus.EXHAUSTED;
import static org.buildwithukraine.events.licence.LicenceStatus.EXPIRED;
import static org.buildwithukraine.events.licence.LicenceStatus.GRANTED;
import static org.buildwithukraine.events.licence.LicenceStatus.REQUESTED;
import static org.buildwithukraine.events.licence.LicenceStatus.REVOKED;
import static org.buildwithukraine.events.licence.LicenceStatus.SUSPENDED;
import static org.buildwithukraine.licence.LicenceAction.EXHAUST;
import static org.buildwithukraine.licence.LicenceAction.EXPIRE;
import static org.buildwithukraine.licence.LicenceAction.FACTORY_REINSTATED;
import static org.buildwithukraine.licence.LicenceAction.FACTORY_SUSPENDED;
import static org.buildwithukraine.licence.LicenceAction.GRANT;
import static org.buildwithukraine.licence.LicenceAction.REINSTATE;
import static org.buildwithukraine.licence.LicenceAction.REVOKE;
import static org.buildwithukraine.licence.LicenceAction.SUSPEND;
import static org.buildwithukraine.licence.SuspensionCause.FACTORY;
import static org.buildwithukraine.licence.SuspensionCause.OFFICER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every action in every standing: the allowed moves with their event, the no-ops, and everything refused. */
class LicenceLifecycleTest {

    private static final Standing REQUESTED_ = Standing.of(REQUESTED);
    private static final Standing GRANTED_ = Standing.of(GRANTED);
    private static final Standing BY_OFFICER = Standing.suspended(OFFICER);
    private static final Standing WITH_FACTORY = Standing.suspended(FACTORY);
    private static final Standing BOTH = Standing.suspended(OFFICER, FACTORY);
    private static final Standing REVOKED_ = Standing.of(REVOKED);
    private static final Standing EXPIRED_ = Standing.of(EXPIRED);
    private static final Standing EXHAUSTED_ = Standing.of(EXHAUSTED);

    private static final List<Standing> ALL_STANDINGS = List.of(REQUESTED_, GRANTED_, BY_OFFICER, WITH_FACTORY, BOTH,
            REVOKED_, EXPIRED_, EXHAUSTED_);

    private record Move(Standing from, LicenceAction action) {
    }

    /** The allowed moves: where each leads and the event it announces (null: internal, no event). */
    private static final Map<Move, Step.Changed> ALLOWED = Map.ofEntries(
            allowed(REQUESTED_, GRANT, GRANTED_, LicenceEventTypes.GRANTED),
            allowed(REQUESTED_, REVOKE, REVOKED_, LicenceEventTypes.REVOKED),
            allowed(GRANTED_, SUSPEND, BY_OFFICER, LicenceEventTypes.SUSPENDED),
            allowed(GRANTED_, REVOKE, REVOKED_, LicenceEventTypes.REVOKED),
            allowed(GRANTED_, EXPIRE, EXPIRED_, LicenceEventTypes.EXPIRED),
            allowed(GRANTED_, EXHAUST, EXHAUSTED_, LicenceEventTypes.EXHAUSTED),
            allowed(GRANTED_, FACTORY_SUSPENDED, WITH_FACTORY, LicenceEventTypes.SUSPENDED),
            allowed(BY_OFFICER, REINSTATE, GRANTED_, LicenceEventTypes.REINSTATED),
            allowed(BY_OFFICER, REVOKE, REVOKED_, LicenceEventTypes.REVOKED),
            allowed(BY_OFFICER, FACTORY_SUSPENDED, BOTH, null),
            allowed(WITH_FACTORY, REVOKE, REVOKED_, LicenceEventTypes.REVOKED),
            allowed(WITH_FACTORY, FACTORY_REINSTATED, GRANTED_, LicenceEventTypes.REINSTATED),
            allowed(BOTH, REVOKE, REVOKED_, LicenceEventTypes.REVOKED),
            allowed(BOTH, FACTORY_REINSTATED, BY_OFFICER, null));

    static Stream<Arguments> allowedMoves() {
        return ALLOWED.entrySet().stream()
                .map(e -> Arguments.of(e.getKey().from(), e.getKey().action(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("allowedMoves")
    void allowedMovesLeadWhereTheBriefSaysAndAnnounceIt(Standing from, LicenceAction action, Step.Changed expected) {
        assertThat(LicenceLifecycle.apply(from, action)).isEqualTo(expected);
    }

    static Stream<Arguments> everythingElse() {
        List<Arguments> cases = new ArrayList<>();
        for (Standing standing : ALL_STANDINGS) {
            for (LicenceAction action : LicenceAction.values()) {
                if (!ALLOWED.containsKey(new Move(standing, action))) {
                    cases.add(Arguments.of(standing, action));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> refused or no-op")
    @MethodSource("everythingElse")
    void everyOtherMoveIsRefusedOrAFactoryEventWithoutEffect(Standing from, LicenceAction action) {
        Step step = LicenceLifecycle.apply(from, action);
        if (action == FACTORY_SUSPENDED || action == FACTORY_REINSTATED) {
            // the factory's fate reaches every licence of the factory; most of them it does not concern
            assertThat(step).isInstanceOf(Step.Unchanged.class);
        } else {
            assertThat(step).isInstanceOf(Step.Refused.class);
            assertThat(((Step.Refused) step).reason()).isNotBlank();
        }
    }

    @Test
    void theTablesCoverEveryStandingAndAction() {
        assertThat(ALLOWED.size() + everythingElse().count())
                .isEqualTo((long) ALL_STANDINGS.size() * LicenceAction.values().length);
        assertThat(ALL_STANDINGS).extracting(Standing::status).containsAll(List.of(LicenceStatus.values()));
    }

    @Test
    void onlySuspensionAndRevocationNeedAReason() {
        assertThat(Stream.of(LicenceAction.values()).filter(LicenceAction::needsReason)).containsExactly(SUSPEND, REVOKE);
    }

    @Test
    void officersCannotLiftAFactorySuspension() {
        assertThat(LicenceLifecycle.apply(WITH_FACTORY, REINSTATE)).isInstanceOfSatisfying(Step.Refused.class,
                refused -> assertThat(refused.reason()).contains("suspended with its factory"));
        assertThat(LicenceLifecycle.apply(BOTH, REINSTATE)).isInstanceOf(Step.Refused.class);
    }

    @Test
    void aLicenceSuspendedByAnOfficerOutlastsItsFactorysSuspension() {
        Standing standing = GRANTED_;
        standing = ((Step.Changed) LicenceLifecycle.apply(standing, SUSPEND)).next();
        standing = ((Step.Changed) LicenceLifecycle.apply(standing, FACTORY_SUSPENDED)).next();
        standing = ((Step.Changed) LicenceLifecycle.apply(standing, FACTORY_REINSTATED)).next();
        assertThat(standing).isEqualTo(BY_OFFICER);
        assertThat(((Step.Changed) LicenceLifecycle.apply(standing, REINSTATE)).next()).isEqualTo(GRANTED_);
    }

    @Test
    void newLicencesStartRequestedOrGranted() {
        assertThat(LicenceLifecycle.requested()).isEqualTo(REQUESTED_);
        assertThat(LicenceLifecycle.grantedDirectly()).isEqualTo(GRANTED_);
    }

    @Test
    void onlyLicencesThatAreNotFinalCanBeAmendedAndOnlyGrantedOnesConsumeQuota() {
        assertThat(Stream.of(LicenceStatus.values()).filter(LicenceLifecycle::amendable))
                .containsExactlyInAnyOrder(REQUESTED, GRANTED, SUSPENDED);
        assertThat(Stream.of(LicenceStatus.values()).filter(LicenceLifecycle::consumesQuota)).containsExactly(GRANTED);
    }

    @Test
    void suspensionCausesGoWithSuspensionOnly() {
        assertThatThrownBy(() -> new Standing(GRANTED, Set.of(OFFICER))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Standing(SUSPENDED, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void puttingALicenceInForceNeedsAnActiveFactoryAndAValidityNotOver() {
        LocalDate today = LocalDate.parse("2026-03-02");

        assertThat(LicenceLifecycle.decide(REQUESTED_, GRANT, "f-1", FactoryStatus.ACTIVE, today, today))
                .isEqualTo(new Step.Changed(GRANTED_, LicenceEventTypes.GRANTED));
        assertThat(LicenceLifecycle.decide(BY_OFFICER, REINSTATE, "f-1", FactoryStatus.ONBOARDING, today, today))
                .isEqualTo(new Step.Refused("factory f-1 is ONBOARDING"));
        assertThat(LicenceLifecycle.decide(REQUESTED_, GRANT, "f-1", null, today, today))
                .isEqualTo(new Step.Refused("factory f-1 is unknown"));
        assertThat(LicenceLifecycle.decide(REQUESTED_, GRANT, "f-1", FactoryStatus.ACTIVE, today.minusDays(1), today))
                .isEqualTo(new Step.Refused("its validity ended on 2026-03-01; amend validTo first"));
    }

    @Test
    void theLifecycleRefusesBeforeTheFactoryIsConsultedAndTakingOutOfForceNeedsNoFactory() {
        LocalDate today = LocalDate.parse("2026-03-02");

        assertThat(LicenceLifecycle.decide(REVOKED_, GRANT, "f-1", FactoryStatus.SUSPENDED, today, today))
                .isEqualTo(LicenceLifecycle.apply(REVOKED_, GRANT));
        for (LicenceAction outOfForce : List.of(SUSPEND, REVOKE)) {
            assertThat(LicenceLifecycle.decide(GRANTED_, outOfForce, "f-1", null, today.minusDays(1), today))
                    .isEqualTo(LicenceLifecycle.apply(GRANTED_, outOfForce));
        }
    }

    private static Map.Entry<Move, Step.Changed> allowed(Standing from, LicenceAction action, Standing to,
            String eventType) {
        return Map.entry(new Move(from, action), new Step.Changed(to, eventType));
    }
}
