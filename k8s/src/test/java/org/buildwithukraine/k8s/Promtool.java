package org.buildwithukraine.k8s;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's promtool, from Debian's {@code prometheus} package (README: prerequisites) or the {@code PROMTOOL}
 * environment variable. Missing, it fails the test that needs it rather than skipping it.
 */
final class Promtool {

    private Promtool() {
    }

    /** Runs promtool in a folder; its output, or a failure with that output. */
    static String run(Path dir, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("%s did not finish within 60 s", String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                fail("%s failed (exit %d):%n%s", String.join(" ", command), process.exitValue(), output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String binary() {
        String fromEnv = System.getenv("PROMTOOL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("promtool is not installed, so the alerts cannot be tested: install Debian's prometheus package"
                + " (apt-get install -y --no-install-recommends prometheus) or set PROMTOOL to its path");
    }
}
