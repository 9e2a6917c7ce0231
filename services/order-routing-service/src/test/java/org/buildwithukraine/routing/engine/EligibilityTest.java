package org.buildwithukraine.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.buildwithukraine.events.order.CustomerClass.EXPORT;
import static org.buildwithukraine.events.order.CustomerClass.UA_DEFENCE;
import static org.buildwithukraine.routing.engine.Scenario.NOW;
import static org.buildwithukraine.routing.engine.Scenario.TODAY;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;
import org.junit.jupiter.api.Test;

/** Rule 1 (eligibility) and rule 5 (every candidate line explained in an officer's words). */
class EligibilityTest {

    private static final String FPV = "UA-FPV-7";

    /** de-munich with DE-MUC-01 (the line under test) and uk-bristol with UK-BRS-01 (always eligible). */
    private static Scenario network() {
        return new Scenario()
                .factory("de-munich").factory("uk-bristol")
                .line("DE-MUC-01", "de-munich", FPV, 100)
                .line("UK-BRS-01", "uk-bristol", FPV, 100)
                .licence("L-DE", "de-munich", FPV, 10_000)
                .licence("L-UK", "uk-bristol", FPV, 10_000);
    }

    private static CandidateLine munich(Scenario scenario) {
        RoutingResult result = scenario.receive(scenario.order(UA_DEFENCE, FPV, 50, 30));
        return result.decisions().get(0).candidates().stream().filter(c -> c.lineId().equals("DE-MUC-01"))
                .findFirst().orElseThrow();
    }

    private static void assertIneligible(Scenario scenario, String explanation) {
        CandidateLine candidate = munich(scenario);
        assertThat(candidate.verdict()).isEqualTo(Verdict.INELIGIBLE);
        assertThat(candidate.explanation()).isEqualTo(explanation);
        assertThat(scenario.on("DE-MUC-01")).isEmpty();
    }

    @Test
    void aRunningLineOfAnActiveFactoryWithAGrantedLicenceIsEligible() {
        Scenario scenario = network().lineState("UK-BRS-01", LineState.DOWN, DowntimeReason.POWER, NOW);
        CandidateLine candidate = munich(scenario);
        assertThat(candidate.verdict()).isEqualTo(Verdict.CHOSEN);
        assertThat(candidate.licenceId()).isEqualTo("L-DE");
    }

    @Test
    void anIdleLineIsEligibleToo() {
        Scenario scenario = network().lineState("DE-MUC-01", LineState.IDLE, null, NOW)
                .lineState("UK-BRS-01", LineState.DOWN, DowntimeReason.POWER, NOW);
        assertThat(munich(scenario).verdict()).isEqualTo(Verdict.CHOSEN);
    }

    @Test
    void onlyLinesBuildingTheTechnologyAreCandidates() {
        Scenario scenario = network().line("DE-MUC-09", "de-munich", "UA-RECON-3", 500);
        RoutingResult result = scenario.receive(scenario.order(UA_DEFENCE, FPV, 50, 30));
        assertThat(result.decisions().get(0).candidates()).extracting(CandidateLine::lineId)
                .containsExactly("DE-MUC-01", "UK-BRS-01");
    }

    @Test
    void aLineThatWentDownTodaySaysSinceWhen() {
        assertIneligible(network().lineState("DE-MUC-01", LineState.DOWN, DowntimeReason.BREAKDOWN,
                Instant.parse("2026-11-20T08:42:00Z")), "line DOWN since 08:42 UTC (breakdown)");
    }

    @Test
    void aLineDownSinceAnEarlierDaySaysTheDate() {
        assertIneligible(network().lineState("DE-MUC-01", LineState.DOWN, DowntimeReason.MATERIAL_SHORTAGE,
                Instant.parse("2026-11-18T22:05:00Z")), "line DOWN since 2026-11-18 22:05 UTC (material shortage)");
    }

    @Test
    void linesInMaintenanceOrRetoolingAreNotEligible() {
        assertIneligible(network().lineState("DE-MUC-01", LineState.MAINTENANCE, null,
                Instant.parse("2026-11-20T06:00:00Z")), "line in MAINTENANCE since 06:00 UTC");
        assertIneligible(network().lineState("DE-MUC-01", LineState.RETOOLING, null,
                Instant.parse("2026-11-19T06:00:00Z")), "line RETOOLING since 2026-11-19 06:00 UTC");
    }

    @Test
    void aSuspendedFactoryIsNotEligible() {
        assertIneligible(network().factoryStatus("de-munich", FactoryStatus.SUSPENDED, "security review",
                Instant.parse("2026-11-19T12:00:00Z")), "factory de-munich suspended 2026-11-19: security review");
    }

    @Test
    void aFactoryStillOnboardingOrUnknownIsNotEligible() {
        assertIneligible(network().factoryStatus("de-munich", FactoryStatus.ONBOARDING, null, null),
                "factory de-munich still ONBOARDING, not yet active");
        Scenario unknown = network();
        unknown.factories.remove("de-munich");
        assertIneligible(unknown, "factory de-munich not known to the router yet");
    }

    @Test
    void aSuspendedLicenceIsNamedWithDateAndReason() {
        assertIneligible(network().licenceStatus("L-DE", LicenceStatus.SUSPENDED, "quality audit",
                Instant.parse("2026-11-20T07:30:00Z")),
                "licence L-DE (UA-FPV-7 for de-munich) suspended 2026-11-20: quality audit");
    }

    @Test
    void revokedRequestedAndExhaustedLicencesAreNotEligible() {
        assertIneligible(network().licenceStatus("L-DE", LicenceStatus.REVOKED, "breach of provisos",
                Instant.parse("2026-11-02T00:00:00Z")),
                "licence L-DE (UA-FPV-7 for de-munich) revoked 2026-11-02: breach of provisos");
        assertIneligible(network().licenceStatus("L-DE", LicenceStatus.REQUESTED, null, null),
                "licence L-DE (UA-FPV-7 for de-munich) requested, not granted");
        assertIneligible(network().licenceStatus("L-DE", LicenceStatus.EXHAUSTED, null,
                Instant.parse("2026-11-10T00:00:00Z")),
                "licence L-DE (UA-FPV-7 for de-munich) exhausted 2026-11-10: all 10000 units used");
    }

    @Test
    void aLicenceOutOfDateIsNotEligibleEvenIfStillMarkedGranted() {
        assertIneligible(network().licenceValidity("L-DE", TODAY.minusDays(100), TODAY.minusDays(1)),
                "licence L-DE (UA-FPV-7 for de-munich) expired 2026-11-19");
        assertIneligible(network().licenceValidity("L-DE", TODAY.plusDays(3), TODAY.plusDays(300)),
                "licence L-DE (UA-FPV-7 for de-munich) not valid before 2026-11-23");
    }

    @Test
    void aLicenceWithoutQuotaLeftIsNotEligible() {
        assertIneligible(network().consume("L-DE", 10_000),
                "licence L-DE (UA-FPV-7 for de-munich) has no quota left (10000 of 10000 units used)");
    }

    @Test
    void aFactoryWithoutLicenceForTheTechnologyIsNotEligible() {
        Scenario scenario = network();
        scenario.licences.remove("L-DE");
        assertIneligible(scenario, "de-munich holds no licence for UA-FPV-7");
    }

    @Test
    void anExportNeedsALicencePermittingExportToItsDestination() {
        Scenario scenario = new Scenario().factory("de-munich").factory("uk-bristol").exportCentre("lv-riga")
                .line("DE-MUC-01", "de-munich", FPV, 100)
                .line("UK-BRS-01", "uk-bristol", FPV, 100)
                .exportLicence("L-DE", "de-munich", FPV, 10_000, "LV", "LT")
                .licence("L-UK", "uk-bristol", FPV, 10_000)
                .exportLicence("L-UK-X", "uk-bristol", FPV, 10_000, "NO");

        RoutingResult toNorway = scenario.receive(scenario.export(FPV, 50, 30, "NO", "lv-riga"));
        assertThat(toNorway.decisions().get(0).candidates()).extracting(CandidateLine::lineId,
                CandidateLine::verdict, CandidateLine::explanation).containsExactly(
                        tuple("DE-MUC-01", Verdict.INELIGIBLE,
                                "no export permission for NO: licence L-DE (UA-FPV-7 for de-munich) allows LT, LV"),
                        tuple("UK-BRS-01", Verdict.CHOSEN,
                                toNorway.decisions().get(0).candidates().get(1).explanation()));
        assertThat(toNorway.decisions().get(0).candidates().get(1).licenceId()).isEqualTo("L-UK-X");

        scenario.licences.remove("L-UK-X");
        RoutingResult toLatvia = scenario.receive(scenario.export(FPV, 50, 30, "LV", "lv-riga"));
        assertThat(toLatvia.decisions().get(0).candidates()).filteredOn(c -> c.lineId().equals("UK-BRS-01"))
                .singleElement().extracting(CandidateLine::explanation)
                .isEqualTo("no export permission for LV: licence L-UK (UA-FPV-7 for uk-bristol) does not permit export");
        assertThat(scenario.placedOn(toLatvia.decisions().get(0).orderId(), "DE-MUC-01")).isEqualTo(50);
    }

    @Test
    void anExportLicenceStillNeedsProductionToBuild() {
        Scenario scenario = network().exportCentre("lv-riga");
        scenario.licence("L-DE", "de-munich", FPV, 10_000, EnumSet.of(LicenceActivity.EXPORT), Set.of("LV"));
        assertIneligible(scenario, "licence L-DE (UA-FPV-7 for de-munich) does not permit production");
    }

    @Test
    void theExplanationNamesTheLicenceNearestToUsable() {
        Scenario scenario = network().exportCentre("lv-riga");
        scenario.licenceStatus("L-DE", LicenceStatus.REVOKED, "breach", NOW.minus(Duration.ofDays(5)));
        scenario.exportLicence("L-DE-2", "de-munich", FPV, 10_000, "LT");
        RoutingResult result = scenario.receive(scenario.export(FPV, 10, 30, "EE", "lv-riga"));
        assertThat(result.decisions().get(0).candidates().get(0).explanation())
                .isEqualTo("no export permission for EE: licence L-DE-2 (UA-FPV-7 for de-munich) allows LT");
    }

    @Test
    void everyLineOfTheTechnologyIsExplainedExactlyOnce() {
        Scenario scenario = network()
                .line("DE-MUC-02", "de-munich", FPV, 10)
                .lineState("UK-BRS-01", LineState.DOWN, DowntimeReason.POWER, NOW);
        RoutingResult result = scenario.receive(scenario.order(EXPORT, FPV, 50, 30),
                scenario.order(UA_DEFENCE, FPV, 50, 30));
        for (OrderDecision decision : result.decisions()) {
            assertThat(decision.candidates()).extracting(CandidateLine::lineId)
                    .containsExactly("DE-MUC-01", "DE-MUC-02", "UK-BRS-01");
            assertThat(decision.candidates()).allSatisfy(c -> assertThat(c.explanation()).isNotBlank());
        }
    }
}
