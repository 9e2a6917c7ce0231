package org.buildwithukraine.e2e.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The suite's table: a row per fault, then every violation under the fault it belongs to. */
final class ChaosTable {

    private final ChaosProfile profile;
    private final List<TrialResult> results = new ArrayList<>();

    ChaosTable(ChaosProfile profile) {
        this.profile = profile;
    }

    synchronized void add(TrialResult result) {
        results.add(result);
    }

    synchronized String render() {
        StringBuilder out = new StringBuilder();
        out.append("Chaos suite, profile ").append(profile.name().toLowerCase()).append(": ").append(results.size())
                .append(" faults under load (MES status reports, orders, licence amendments; client timeout ")
                .append(Load.CLIENT_TIMEOUT.toSeconds()).append(" s)\n\n");
        out.append("| fault | requests sent | 2xx acknowledged | lost | doubled | 5xx (by status) | other refusals "
                + "| time to recover (s) | drained (s) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (TrialResult result : results) {
            out.append(String.format("| %s | %d | %d | %d | %d | %s | %s | %s | %s |%n", result.fault(), result.sent(),
                    result.acknowledged(), result.lost(), result.doubled(), refusals(result.refusals(), true),
                    refusals(result.refusals(), false), seconds(result.recovered()), seconds(result.drained())));
        }
        out.append("\ntime to recover: from the restart of the component until every stream of the load had a 2xx "
                + "again; drained: from the end of the load until every outbox was empty and every consumer group "
                + "had caught up. Every request without a 2xx was sent again after recovery (same reportId, same "
                + "Idempotency-Key) before the accounting.\n");
        boolean clean = true;
        for (TrialResult result : results) {
            if (!result.violations().isEmpty()) {
                clean = false;
                out.append("\nViolations, ").append(result.fault()).append(":\n");
                result.violations().forEach(violation -> out.append("- ").append(violation).append('\n'));
            }
        }
        if (clean) {
            out.append("\nNo violations.\n");
        }
        return out.toString();
    }

    private static String refusals(Map<String, Integer> refusals, boolean serverErrors) {
        String listed = refusals.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("5") == serverErrors)
                .map(entry -> entry.getKey() + " ×" + entry.getValue()).collect(Collectors.joining(", "));
        return listed.isEmpty() ? "0" : listed;
    }

    private static String seconds(double seconds) {
        return seconds < 0 ? "not within the limit" : String.format("%.1f", seconds);
    }
}
