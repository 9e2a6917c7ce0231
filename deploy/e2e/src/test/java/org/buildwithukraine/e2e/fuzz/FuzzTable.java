package org.buildwithukraine.e2e.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** What a fuzz run sent and saw, by caller, operation and status, and every violation, as a printable table. */
public final class FuzzTable {

    private final String profile;
    private final long seed;
    private final int operations;
    private final Map<String, Map<Integer, Integer>> byCaller = new LinkedHashMap<>();
    private final Map<String, Map<Integer, Integer>> byOperation = new TreeMap<>();
    private final Map<String, Integer> byKind = new TreeMap<>();
    private final Map<String, Integer> violationsByRule = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private int requests;
    private long tookNanos;

    public FuzzTable(String profile, long seed, int operations) {
        this.profile = profile;
        this.seed = seed;
        this.operations = operations;
    }

    public void answered(FuzzCase request, int status) {
        requests++;
        byCaller.computeIfAbsent(request.caller(), caller -> new TreeMap<>()).merge(status, 1, Integer::sum);
        byOperation.computeIfAbsent(request.operation().name(), name -> new TreeMap<>()).merge(status, 1, Integer::sum);
        byKind.merge(request.kind().name(), 1, Integer::sum);
    }

    public void violation(String rule, String detail) {
        violationsByRule.merge(rule, 1, Integer::sum);
        violations.add("[" + rule + "] " + detail);
    }

    public void finished(long nanos) {
        this.tookNanos = nanos;
    }

    public List<String> violations() {
        return violations;
    }

    /** The table, with the first {@code violationsShown} violations. */
    public String render(int violationsShown) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("API fuzz — profile %s, seed %d: %d operations, %d requests in %d s%n", profile, seed,
                operations, requests, TimeUnit.NANOSECONDS.toSeconds(tookNanos)));
        out.append(String.format("%n%-16s %8s %6s %6s %6s  %s%n", "caller", "requests", "2xx", "4xx", "5xx",
                "statuses seen"));
        byCaller.forEach((caller, statuses) -> out.append(String.format("%-16s %8d %6d %6d %6d  %s%n", caller,
                sum(statuses, 0), sum(statuses, 2), sum(statuses, 4), sum(statuses, 5), statuses)));
        out.append(String.format("%n%-20s %8s%n", "kind", "requests"));
        byKind.forEach((kind, count) -> out.append(String.format("%-20s %8d%n", kind, count)));
        out.append(String.format("%n%-64s %8s  %s%n", "operation", "requests", "statuses seen"));
        byOperation.forEach((operation, statuses) -> out.append(String.format("%-64s %8d  %s%n", operation,
                sum(statuses, 0), statuses)));
        out.append(String.format("%nviolations: %d %s%n", violations.size(), violationsByRule));
        violations.stream().limit(violationsShown).forEach(violation -> out.append("  ").append(violation)
                .append('\n'));
        if (violations.size() > violationsShown) {
            out.append("  … and ").append(violations.size() - violationsShown).append(" more\n");
        }
        return out.toString();
    }

    /** Answers of a status class (2 for 2xx), or all with 0. */
    private static int sum(Map<Integer, Integer> statuses, int statusClass) {
        return statuses.entrySet().stream().filter(entry -> statusClass == 0 || entry.getKey() / 100 == statusClass)
                .mapToInt(Map.Entry::getValue).sum();
    }
}
