package org.buildwithukraine.licence.techdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.buildwithukraine.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Every move of a release from every state: the allowed ones change it, the others are conflicts. */
class TechnicalDataReleaseLifecycleTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

    private static TechnicalDataRelease in(ReleaseState state, int sequence) {
        TechnicalDataRelease release = TechnicalDataRelease.draft("UA-FPV-7", "ML10", sequence, "notes", "officer",
                AT.minusSeconds(60));
        if (state != ReleaseState.DRAFT) {
            release.release("officer", AT.minusSeconds(30));
        }
        if (state == ReleaseState.SUPERSEDED) {
            release.supersede(TechnicalDataRelease.draft("UA-FPV-7", "ML10", sequence + 1, "next", "officer", AT),
                    AT.minusSeconds(10));
        }
        if (state == ReleaseState.WITHDRAWN) {
            release.withdraw("recalled", "officer", AT.minusSeconds(10));
        }
        assertThat(release.state).isEqualTo(state);
        return release;
    }

    private static final Map<String, Consumer<TechnicalDataRelease>> MOVES = Map.of(
            "release", r -> r.release("officer-2", AT),
            "supersede", r -> r.supersede(TechnicalDataRelease.draft("UA-FPV-7", "ML10", r.sequence + 1, "next",
                    "officer", AT), AT),
            "withdraw", r -> r.withdraw("tolerance error", "officer-2", AT));

    private static final Map<String, Set<ReleaseState>> ALLOWED_FROM = Map.of(
            "release", EnumSet.of(ReleaseState.DRAFT),
            "supersede", EnumSet.of(ReleaseState.RELEASED),
            "withdraw", EnumSet.of(ReleaseState.RELEASED, ReleaseState.SUPERSEDED));

    private static final Map<String, ReleaseState> LEADS_TO = Map.of("release", ReleaseState.RELEASED,
            "supersede", ReleaseState.SUPERSEDED, "withdraw", ReleaseState.WITHDRAWN);

    @Test
    void everyMoveFromEveryState() {
        for (ReleaseState from : ReleaseState.values()) {
            for (String move : MOVES.keySet()) {
                TechnicalDataRelease release = in(from, 1);
                if (ALLOWED_FROM.get(move).contains(from)) {
                    MOVES.get(move).accept(release);
                    assertThat(release.state).as(move + " from " + from).isEqualTo(LEADS_TO.get(move));
                } else {
                    assertThatThrownBy(() -> MOVES.get(move).accept(release)).as(move + " from " + from)
                            .isInstanceOfSatisfying(ProblemException.class,
                                    e -> assertThat(e.status()).isEqualTo(409))
                            .hasMessageContaining("it is " + from);
                    assertThat(release.state).as(move + " from " + from).isEqualTo(from);
                }
            }
        }
    }

    @Test
    void aDraftIsTheNextRevisionMarkedWithTheControlListEntry() {
        TechnicalDataRelease release = TechnicalDataRelease.draft("UA-FPV-7", "ML10", 3, "notes", "officer", AT);
        assertThat(release.revision).isEqualTo("C");
        assertThat(release.marking).isEqualTo("EU ML10 — export controlled");
        assertThat(release.releasedAt).isNull();
    }

    @Test
    void releasingRecordsWhoAndWhenAndWithdrawingWhy() {
        TechnicalDataRelease release = in(ReleaseState.DRAFT, 1);
        release.release("officer-2", AT);
        assertThat(release.releasedBy).isEqualTo("officer-2");
        assertThat(release.releasedAt).isEqualTo(AT);
        release.withdraw("tolerance error", "officer-3", AT.plusSeconds(5));
        assertThat(release.withdrawnReason).isEqualTo("tolerance error");
        assertThat(release.withdrawnBy).isEqualTo("officer-3");
        assertThat(release.withdrawnAt).isEqualTo(AT.plusSeconds(5));
    }

    @Test
    void onlyALaterRevisionSupersedes() {
        TechnicalDataRelease current = in(ReleaseState.RELEASED, 2);
        TechnicalDataRelease earlier = TechnicalDataRelease.draft("UA-FPV-7", "ML10", 1, "old", "officer", AT);
        assertThatThrownBy(() -> current.supersede(earlier, AT)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(409)).hasMessageContaining("later revision B is RELEASED");
        assertThat(current.state).isEqualTo(ReleaseState.RELEASED);
    }
}
