package org.buildwithukraine.licence.techdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.kit.security.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access rule over every combination of role, whose factory holds the licence, the licence's state, its
 * activities, whether it allows earlier revisions and the release's state; each expected outcome comes from {@link #expected}, a plain statement of
 * the rule written apart from the class under test.
 */
class TechnicalDataAccessTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final String TECHNOLOGY = "UA-FPV-7";
    private static final String OWN_FACTORY = "de-munich";
    private static final String OTHER_FACTORY = "uk-bristol";

    enum Role {
        OFFICER(Roles.TECHNOLOGY_OFFICER), MANUFACTURER(Roles.MANUFACTURER), ORDER_DESK(Roles.ORDER_DESK),
        NETWORK_ADMIN(Roles.NETWORK_ADMIN), OPERATOR(Roles.OPERATOR), FACTORY_MES(Roles.FACTORY_MES), NONE(null);

        final String realmRole;

        Role(String realmRole) {
            this.realmRole = realmRole;
        }
    }

    enum Holder {
        OWN_FACTORY, OTHER_FACTORY, NOBODY
    }

    /** The licence's condition today, including the ones its status has not caught up with yet. */
    enum Condition {
        GRANTED(LicenceStatus.GRANTED, "GRANTED"),
        REQUESTED(LicenceStatus.REQUESTED, "REQUESTED"),
        SUSPENDED(LicenceStatus.SUSPENDED, "SUSPENDED"),
        REVOKED(LicenceStatus.REVOKED, "REVOKED"),
        EXPIRED(LicenceStatus.EXPIRED, "EXPIRED"),
        EXHAUSTED(LicenceStatus.EXHAUSTED, "EXHAUSTED"),
        /** Still GRANTED, but its last day was yesterday (the expiry job has not run yet). */
        GRANTED_PAST_VALIDITY(LicenceStatus.GRANTED, "EXPIRED"),
        /** Still GRANTED, but the quota is used up. */
        GRANTED_NO_QUOTA_LEFT(LicenceStatus.GRANTED, "EXHAUSTED"),
        /** GRANTED, valid only from tomorrow. */
        GRANTED_NOT_YET_VALID(LicenceStatus.GRANTED, "valid only from");

        final LicenceStatus status;
        final String named;

        Condition(LicenceStatus status, String named) {
            this.status = status;
            this.named = named;
        }
    }

    enum Activities {
        PRODUCE_ONLY(EnumSet.of(LicenceActivity.PRODUCE)), EXPORT_ONLY(EnumSet.of(LicenceActivity.EXPORT)),
        PRODUCE_AND_EXPORT(EnumSet.of(LicenceActivity.PRODUCE, LicenceActivity.EXPORT));

        final Set<LicenceActivity> set;

        Activities(Set<LicenceActivity> set) {
            this.set = set;
        }
    }

    record Case(Role role, Holder holder, Condition condition, Activities activities, boolean earlierRevisions,
            ReleaseState release) {

        Case in(ReleaseState other) {
            return new Case(role, holder, condition, activities, earlierRevisions, other);
        }
    }

    record Outcome(int status, String named) {
        static final Outcome ALLOWED = new Outcome(200, null);
    }

    static Stream<Case> everyCombination() {
        List<Case> cases = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Holder holder : Holder.values()) {
                for (Condition condition : Condition.values()) {
                    for (Activities activities : Activities.values()) {
                        for (boolean earlierRevisions : new boolean[] { false, true }) {
                            for (ReleaseState release : ReleaseState.values()) {
                                cases.add(new Case(role, holder, condition, activities, earlierRevisions, release));
                            }
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    /** The rule, stated on its own. */
    static Outcome expected(Case c) {
        if (c.role() == Role.OFFICER) {
            return Outcome.ALLOWED;
        }
        if (c.role() != Role.MANUFACTURER) {
            return new Outcome(403, null);
        }
        if (c.holder() != Holder.OWN_FACTORY) {
            return new Outcome(404, null);
        }
        boolean holds = c.condition() == Condition.GRANTED && c.activities().set.contains(LicenceActivity.PRODUCE);
        if (!holds) {
            return new Outcome(403, c.condition() == Condition.GRANTED ? "PRODUCE" : c.condition().named);
        }
        return switch (c.release()) {
            case RELEASED -> Outcome.ALLOWED;
            case DRAFT -> new Outcome(404, null);
            case SUPERSEDED -> c.earlierRevisions() ? Outcome.ALLOWED
                    : new Outcome(403, "SUPERSEDED by a later revision; licence L-1 covers the RELEASED one only");
            case WITHDRAWN -> new Outcome(403, "WITHDRAWN");
        };
    }

    @ParameterizedTest
    @MethodSource("everyCombination")
    void readingARelease(Case c) {
        AccessDecision decision = TechnicalDataAccess.toRelease(requester(c.role()), TECHNOLOGY, "B", c.release(),
                licences(c), TODAY);
        assertMatches(decision, expected(c), c);
    }

    @ParameterizedTest
    @MethodSource("everyCombination")
    void listingReleases(Case c) {
        Requester requester = requester(c.role());
        AccessDecision decision = TechnicalDataAccess.toListing(requester, TECHNOLOGY, licences(c), TODAY);
        assertMatches(decision, expected(c.in(ReleaseState.RELEASED)), c);
        if (decision instanceof AccessDecision.Allowed) {
            assertThat(TechnicalDataAccess.visible(requester, c.release(), licences(c), TODAY)).as(c.toString())
                    .isEqualTo(expected(c).equals(Outcome.ALLOWED));
        }
    }

    /** A download is a read, and a manufacturer's needs the release's notice acknowledged: 409 until then. */
    @ParameterizedTest
    @MethodSource("everyCombination")
    void downloadingAFile(Case c) {
        Outcome read = expected(c);
        for (boolean acknowledged : new boolean[] { true, false }) {
            AccessDecision decision = TechnicalDataAccess.toDownload(requester(c.role()), TECHNOLOGY, "B",
                    c.release(), "EU ML10 — export controlled", acknowledged, licences(c), TODAY);
            Outcome expected = read.equals(Outcome.ALLOWED) && c.role() == Role.MANUFACTURER && !acknowledged
                    ? new Outcome(409, "POST /api/technologies/UA-FPV-7/releases/B/acknowledgement")
                    : read;
            assertMatches(decision, expected, c);
        }
    }

    @Test
    void theMissingAcknowledgementNamesTheReleaseItsMarkingAndWhereToAcknowledge() {
        Requester maker = new Requester(Set.of(Roles.MANUFACTURER), Set.of(OWN_FACTORY));
        assertThat(TechnicalDataAccess.toDownload(maker, TECHNOLOGY, "B", ReleaseState.RELEASED,
                "EU ML10 — export controlled", false,
                List.of(licence("L-1", OWN_FACTORY, Condition.GRANTED, Activities.PRODUCE_ONLY)), TODAY))
                .isEqualTo(new AccessDecision.Refused(409, "Release B of UA-FPV-7 is marked \"EU ML10 — export "
                        + "controlled\": acknowledge its export-control notice with POST "
                        + "/api/technologies/UA-FPV-7/releases/B/acknowledgement before downloading its files",
                        "L-1"));
    }

    @Test
    void anyHoldingLicenceOfTheRequestersFactoriesGivesAccess() {
        Requester maker = new Requester(Set.of(Roles.MANUFACTURER), Set.of(OWN_FACTORY, "de-berlin"));
        List<HeldLicence> licences = List.of(
                licence("L-1", OWN_FACTORY, Condition.SUSPENDED, Activities.PRODUCE_ONLY),
                licence("L-2", "de-berlin", Condition.GRANTED, Activities.PRODUCE_ONLY),
                licence("L-0", OTHER_FACTORY, Condition.GRANTED, Activities.PRODUCE_ONLY));
        assertThat(TechnicalDataAccess.toRelease(maker, TECHNOLOGY, "A", ReleaseState.RELEASED, licences, TODAY))
                .isEqualTo(new AccessDecision.Allowed("L-2"));
    }

    /** The RELEASED revision rests on the first holding licence; a SUPERSEDED one on a licence that allows it. */
    @Test
    void anEarlierRevisionRestsOnAHoldingLicenceThatAllowsEarlierRevisions() {
        Requester maker = new Requester(Set.of(Roles.MANUFACTURER), Set.of(OWN_FACTORY, "de-berlin"));
        List<HeldLicence> licences = List.of(
                licence("L-1", OWN_FACTORY, Condition.GRANTED, Activities.PRODUCE_ONLY, false),
                licence("L-2", "de-berlin", Condition.SUSPENDED, Activities.PRODUCE_ONLY, true),
                licence("L-3", "de-berlin", Condition.GRANTED, Activities.PRODUCE_ONLY, true),
                licence("L-0", OTHER_FACTORY, Condition.GRANTED, Activities.PRODUCE_ONLY, true));
        assertThat(TechnicalDataAccess.toRelease(maker, TECHNOLOGY, "B", ReleaseState.RELEASED, licences, TODAY))
                .isEqualTo(new AccessDecision.Allowed("L-1"));
        assertThat(TechnicalDataAccess.toRelease(maker, TECHNOLOGY, "A", ReleaseState.SUPERSEDED, licences, TODAY))
                .isEqualTo(new AccessDecision.Allowed("L-3"));
        assertThat(TechnicalDataAccess.visible(maker, ReleaseState.SUPERSEDED, licences, TODAY)).isTrue();
        assertThat(TechnicalDataAccess.visible(maker, ReleaseState.SUPERSEDED, licences.subList(0, 2), TODAY))
                .isFalse();
    }

    @Test
    void aRefusalNamesTheLicenceAndItsState() {
        Requester maker = new Requester(Set.of(Roles.MANUFACTURER), Set.of(OWN_FACTORY));
        assertThat(TechnicalDataAccess.toListing(maker, TECHNOLOGY,
                List.of(licence("L-7", OWN_FACTORY, Condition.REVOKED, Activities.PRODUCE_ONLY)), TODAY))
                .isEqualTo(new AccessDecision.Refused(403, "Licence L-7 for UA-FPV-7 does not give access to its "
                        + "technical data: it is REVOKED", "L-7"));
    }

    @Test
    void aManufacturerActingForNoFactoryLearnsNothing() {
        Requester maker = new Requester(Set.of(Roles.MANUFACTURER), Set.of());
        assertThat(TechnicalDataAccess.toListing(maker, TECHNOLOGY,
                List.of(licence("L-1", OWN_FACTORY, Condition.GRANTED, Activities.PRODUCE_ONLY)), TODAY))
                .isInstanceOfSatisfying(AccessDecision.Refused.class, r -> assertThat(r.status()).isEqualTo(404));
    }

    private static void assertMatches(AccessDecision decision, Outcome expected, Case c) {
        if (expected.equals(Outcome.ALLOWED)) {
            assertThat(decision).as(c.toString()).isInstanceOf(AccessDecision.Allowed.class);
            String licenceId = ((AccessDecision.Allowed) decision).licenceId();
            assertThat(licenceId).as(c.toString()).isEqualTo(c.role() == Role.OFFICER ? null : "L-1");
            return;
        }
        assertThat(decision).as(c.toString()).isInstanceOf(AccessDecision.Refused.class);
        AccessDecision.Refused refused = (AccessDecision.Refused) decision;
        assertThat(refused.status()).as(c.toString()).isEqualTo(expected.status());
        if (expected.named() != null) {
            assertThat(refused.reason()).as(c.toString()).contains(expected.named());
        }
        if (expected.status() == 404) {
            assertThat(refused.reason()).as(c.toString()).doesNotContain("L-1");
        }
    }

    private static Requester requester(Role role) {
        return new Requester(role.realmRole == null ? Set.of() : Set.of(role.realmRole), Set.of(OWN_FACTORY));
    }

    private static List<HeldLicence> licences(Case c) {
        return switch (c.holder()) {
            case NOBODY -> List.of();
            case OWN_FACTORY -> List.of(licence("L-1", OWN_FACTORY, c.condition(), c.activities(),
                    c.earlierRevisions()));
            case OTHER_FACTORY -> List.of(licence("L-1", OTHER_FACTORY, c.condition(), c.activities(),
                    c.earlierRevisions()));
        };
    }

    private static HeldLicence licence(String id, String factory, Condition condition, Activities activities) {
        return licence(id, factory, condition, activities, false);
    }

    private static HeldLicence licence(String id, String factory, Condition condition, Activities activities,
            boolean earlierRevisions) {
        LocalDate from = condition == Condition.GRANTED_NOT_YET_VALID ? TODAY.plusDays(1) : TODAY.minusMonths(6);
        LocalDate to = condition == Condition.GRANTED_PAST_VALIDITY ? TODAY.minusDays(1) : TODAY.plusMonths(6);
        long remaining = condition == Condition.GRANTED_NO_QUOTA_LEFT || condition == Condition.EXHAUSTED ? 0 : 40;
        return new HeldLicence(id, factory, condition.status, activities.set, from, to, remaining, earlierRevisions);
    }
}
