package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The console's pure modules (run-out date, downtime Pareto) under Node's own test runner, with the machine's
 * Node.js: their tests are in src/test/js, next to no browser.
 */
class ConsoleModulesTest {

    @Test
    void theConsolesPureModulesPassTheirTests() throws IOException, InterruptedException {
        Path log = Files.createDirectories(Path.of("target")).resolve("console-modules-test.log");
        Process node = new ProcessBuilder("node", "--experimental-default-type=module", "--test", "src/test/js/")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        String report = Files.readString(log, UTF_8);
        assertThat(node.exitValue()).as(report).isZero();
        assertThat(report).contains("# fail 0").doesNotContain("# pass 0");
    }
}
