package org.buildwithukraine.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceEventTypes;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.junit.jupiter.api.Test;

class LicenceTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    private static final Instant CREATED = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(3600);
    private static final LicenceTerms TERMS = new LicenceTerms(Set.of(LicenceActivity.PRODUCE), 100, TODAY,
            TODAY.plusDays(90), Set.of(), false);

    private static Technology technology() {
        Technology technology = new Technology();
        technology.code = "FPV-7";
        technology.category = TechnologyCategory.FPV_DRONE;
        return technology;
    }

    private static Licence requested() {
        return Licence.requested("lic-1", technology(), "f-1", TERMS, " ", "for the spring", "maker", CREATED);
    }

    private static Licence granted() {
        return Licence.granted("lic-1", technology(), "f-1", TERMS, "no exports", "urgent", "officer", CREATED);
    }

    @Test
    void aRequestWaitsForAnOfficer() {
        Licence licence = requested();

        assertThat(licence.status()).isEqualTo(LicenceStatus.REQUESTED);
        assertThat(licence.requestedBy()).isEqualTo("maker");
        assertThat(licence.grantedBy()).isNull();
        assertThat(licence.provisos()).as("blank provisos are none").isNull();
        assertThat(licence.terms()).isEqualTo(TERMS);
        assertThat(licence.statusReason()).isEqualTo("for the spring");
    }

    @Test
    void anOfficersLicenceIsGrantedFromTheStart() {
        Licence licence = granted();

        assertThat(licence.status()).isEqualTo(LicenceStatus.GRANTED);
        assertThat(licence.grantedBy()).isEqualTo("officer");
        assertThat(licence.grantedAt()).isEqualTo(CREATED);
        assertThat(licence.requestedBy()).isNull();
    }

    @Test
    void grantingRecordsWhoGrantedItAndWhen() {
        Licence licence = requested();

        Step step = licence.decide(LicenceAction.GRANT, FactoryStatus.ACTIVE, TODAY, "checked", "officer", LATER);

        assertThat(step).isEqualTo(new Step.Changed(Standing.of(LicenceStatus.GRANTED), LicenceEventTypes.GRANTED));
        assertThat(licence.status()).isEqualTo(LicenceStatus.GRANTED);
        assertThat(licence.statusReason()).isEqualTo("checked");
        assertThat(licence.grantedBy()).isEqualTo("officer");
        assertThat(licence.grantedAt()).isEqualTo(LATER);
        assertThat(licence.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aLicenceWhoseQuotaWasUsedUpWhileSuspendedIsDueToBeExhaustedOnceBackInForce() {
        Licence licence = granted();
        licence.decide(LicenceAction.SUSPEND, FactoryStatus.ACTIVE, TODAY, "inspection", "officer", LATER);
        licence.consume(100, LATER);
        assertThat(licence.inForceWithQuotaUsedUp()).as("suspended").isFalse();

        licence.decide(LicenceAction.REINSTATE, FactoryStatus.ACTIVE, TODAY, "passed", "officer", LATER);
        assertThat(licence.status()).isEqualTo(LicenceStatus.GRANTED);
        assertThat(licence.inForceWithQuotaUsedUp()).isTrue();

        licence.apply(LicenceAction.EXHAUST, "used up", "officer", LATER);
        assertThat(licence.inForceWithQuotaUsedUp()).as("exhausted").isFalse();
    }

    @Test
    void aLicenceInForceWithQuotaLeftIsNotDueToBeExhausted() {
        Licence licence = granted();
        licence.consume(99, LATER);
        assertThat(licence.inForceWithQuotaUsedUp()).isFalse();
    }

    @Test
    void aRefusedDecisionChangesNothing() {
        Licence licence = requested();

        Step step = licence.decide(LicenceAction.GRANT, FactoryStatus.SUSPENDED, TODAY, "checked", "officer", LATER);

        assertThat(step).isInstanceOf(Step.Refused.class);
        assertThat(licence.status()).isEqualTo(LicenceStatus.REQUESTED);
        assertThat(licence.grantedBy()).isNull();
        assertThat(licence.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void aSecondSuspensionCauseKeepsTheFirstReason() {
        Licence licence = granted();
        licence.decide(LicenceAction.SUSPEND, null, TODAY, "audit pending", "officer", LATER);

        Step step = licence.apply(LicenceAction.FACTORY_SUSPENDED, "factory suspended", "system", LATER);

        assertThat(step).isEqualTo(new Step.Changed(Standing.suspended(SuspensionCause.OFFICER, SuspensionCause.FACTORY),
                null));
        assertThat(licence.standing().suspensions()).containsExactlyInAnyOrder(SuspensionCause.OFFICER,
                SuspensionCause.FACTORY);
        assertThat(licence.statusReason()).isEqualTo("audit pending");
    }

    @Test
    void aFactoryEventThatDoesNotConcernTheLicenceLeavesItAsItIs() {
        Licence licence = requested();

        assertThat(licence.apply(LicenceAction.FACTORY_SUSPENDED, "factory suspended", "system", LATER))
                .isInstanceOf(Step.Unchanged.class);
        assertThat(licence.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void puttingInForceIsAnOfficersDecisionOnly() {
        Licence licence = requested();

        assertThatThrownBy(() -> licence.apply(LicenceAction.GRANT, "", "system", LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(licence.status()).isEqualTo(LicenceStatus.REQUESTED);
    }

    @Test
    void consumingQuotaThenExhaustingIt() {
        Licence licence = granted();

        licence.consume(100, LATER);
        assertThat(licence.remainingQuota()).isZero();
        licence.apply(LicenceAction.EXHAUST, "quota used up", "system", LATER);

        assertThat(licence.status()).isEqualTo(LicenceStatus.EXHAUSTED);
        assertThat(licence.statusReason()).isEqualTo("quota used up");
        assertThatThrownBy(() -> licence.consume(-1, LATER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amendingReportsWhetherAnythingChangedAndBlankClearsProvisos() {
        Licence licence = granted();
        LicenceTerms larger = new LicenceTerms(TERMS.activities(), 200, TERMS.validFrom(), TERMS.validTo(),
                TERMS.exportTerritories(), false);

        assertThat(licence.amend(TERMS, null, LATER)).as("the same terms").isFalse();
        assertThat(licence.updatedAt()).isEqualTo(CREATED);
        assertThat(licence.amend(larger, "", LATER)).isTrue();

        assertThat(licence.quantityCap()).isEqualTo(200);
        assertThat(licence.provisos()).isNull();
        assertThat(licence.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aFinalLicenceCannotBeAmended() {
        Licence licence = granted();
        licence.decide(LicenceAction.REVOKE, null, TODAY, "fraud", "officer", LATER);

        assertThatThrownBy(() -> licence.amend(TERMS, "x", LATER)).isInstanceOf(IllegalStateException.class);
        assertThat(licence.provisos()).isEqualTo("no exports");
    }
}
