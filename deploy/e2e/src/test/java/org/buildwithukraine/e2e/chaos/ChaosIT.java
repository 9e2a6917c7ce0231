package org.buildwithukraine.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.buildwithukraine.e2e.Api;
import org.buildwithukraine.e2e.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Faults under load, each in turn ({@link ChaosProfile}): an application, the broker or PostgreSQL killed with
 * SIGKILL and started again through the launcher while MES status reports, orders and licence amendments run, then
 * the accounting of {@link Trial}: nothing acknowledged lost or doubled, every refusal a clear 503/504, the
 * platform drained and nothing dead-lettered. One test per fault; the table of all of them is printed and written
 * to {@code target/chaos-report.txt}.
 *
 * <p>Runs last in the suite (after the fuzzer): it kills and restarts the platform's parts. Off unless
 * {@code -Dchaos.profile=fast} or {@code full} ({@code deploy/chaos/run.sh}).
 */
@Order(200)
@EnabledIfSystemProperty(named = "chaos.profile", matches = "fast|full",
        disabledReason = "off unless -Dchaos.profile=fast or full")
@DisplayName("Faults under load: nothing acknowledged lost or doubled, every refusal a clear 503/504")
class ChaosIT {

    private static final ChaosProfile PROFILE = ChaosProfile.chosen().orElse(ChaosProfile.FAST);
    private static final ChaosTable TABLE = new ChaosTable(PROFILE);
    private static ChaosNetwork network;

    @BeforeAll
    static void prepare() {
        if (Api.asUser("desk").get("/api/factories/de-munich").statusCode() != 200) {
            Platform.get().up(true);
        }
        network = ChaosNetwork.prepare();
    }

    @TestFactory
    Stream<DynamicTest> eachFaultUnderLoad() {
        List<Fault> faults = PROFILE.faults();
        String started = Long.toString(System.currentTimeMillis(), 36);
        return faults.stream().map(fault -> DynamicTest.dynamicTest(fault.name(), () -> {
            // no trial's key prefix is another's: the index is padded and followed by the start
            String run = "chaos" + String.format("%02d", faults.indexOf(fault)) + "x" + started;
            TrialResult result = new Trial(Platform.get(), network).run(fault, PROFILE.warmUp(), run);
            TABLE.add(result);
            System.out.println("[chaos] " + fault.name() + ": " + result);
            assertThat(result.violations()).as("%s: violations", fault.name()).isEmpty();
        }));
    }

    @AfterAll
    static void report() {
        String table = TABLE.render();
        System.out.println(table);
        try {
            Path file = Path.of(System.getProperty("chaos.report", "target/chaos-report.txt"));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
