package org.buildwithukraine.e2e.chaos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.buildwithukraine.e2e.Api;
import org.buildwithukraine.e2e.Platform;
import org.buildwithukraine.e2e.Tokens;
import org.buildwithukraine.e2e.chaos.Exchange.Answer;
import org.buildwithukraine.e2e.chaos.Exchange.Kind;
import org.buildwithukraine.e2e.chaos.Exchange.Sent;

import io.restassured.RestAssured;

/**
 * One fault under load, and the accounting after it: the load runs, the fault strikes, the component is started
 * again, the load runs until every stream has had a 2xx again, and stops. Every answer during the fault must be a
 * 2xx or a clear refusal (a 503 problem+json with Retry-After or a 504 problem+json; no answer at all only while
 * the gateway is down), never a 500 and never a hang past the client timeout. Then every write that got no 2xx is sent again as a client would (same
 * reportId, same Idempotency-Key) until acknowledged, the platform is left to drain, and the books must balance:
 * every acknowledged status report stored once in its region's database and charged once to the licence ledger,
 * the licences' units consumed grown by exactly the good units acknowledged, every acknowledged order stored once,
 * no line holding more than its capacity within the horizon nor a licence more than its quota, outboxes empty,
 * every consumer group caught up, no new record in a dead-letter topic. While Keycloak is down, the tokens issued
 * before carry the load (any refusal counts) and a new login fails at once; once it is back, a new login works.
 */
final class Trial {

    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(3);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);
    private static final int RESENDS = 30;
    /** A demo user the load does not use: its logins probe Keycloak. */
    private static final String LOGIN_PROBE = "ops";
    private static final Duration LOGIN_REFUSAL_LIMIT = Duration.ofSeconds(5);
    private static final Map<String, String> REGION_DATABASES = Map.of("de", "production_de", "uk", "production_uk");

    private final Platform platform;
    private final ChaosNetwork network;
    private final List<String> violations = new ArrayList<>();
    /** Acknowledged writes not found, and writes found more than once. */
    private int lost;
    private int doubled;

    Trial(Platform platform, ChaosNetwork network) {
        this.platform = platform;
        this.network = network;
    }

    /** {@code run} prefixes every key the trial's load makes; no run's prefix may be another's. */
    TrialResult run(Fault fault, Duration warmUp, String run) {
        platform.awaitEventsApplied(DRAIN_LIMIT);
        Map<String, Long> deadLettersBefore = platform.deadLetters();
        long consumedBefore = network.unitsConsumed();

        fault.prepare(platform);
        if (fault.stopsLogins()) {
            network.issueFreshTokens();
        }
        Load load = new Load(platform.gatewayUrl(), network.streams(run));
        load.start();
        List<Sent> sent;
        long restartedAt;
        try {
            sleep(warmUp);
            fault.inject(platform);
            if (fault.stopsLogins()) {
                checkLoginRefused();
            }
            sleep(fault.outage());
            restartedAt = System.nanoTime();
            fault.recover(platform);
            if (fault.stopsLogins()) {
                checkLoginWorks();
            }
            long deadline = restartedAt + RECOVERY_LIMIT.toNanos();
            while (!load.everyStreamAcknowledgedSince(restartedAt) && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(200));
            }
        } finally {
            sent = load.stop();
        }
        double recovered = recoveredAfter(sent, restartedAt);
        if (recovered < 0) {
            violations.add("not every stream had a 2xx within " + RECOVERY_LIMIT.toMinutes()
                    + " min of the restart");
        }

        Map<String, Integer> refusals = checkRefusals(sent, fault);
        Map<String, Sent> written = resendUnacknowledged(load, sent);

        long drainStart = System.nanoTime();
        double drained;
        try {
            platform.awaitEventsApplied(DRAIN_LIMIT);
            drained = seconds(System.nanoTime() - drainStart);
        } catch (AssertionError e) {
            drained = -1;
            violations.add("not drained within " + DRAIN_LIMIT.toMinutes()
                    + " min: an outbox not empty or a consumer group behind");
        }
        Map<String, Long> deadLettersAfter = platform.deadLetters();
        if (!deadLettersAfter.equals(deadLettersBefore)) {
            violations.add("dead letters written: before " + deadLettersBefore + ", after " + deadLettersAfter);
        }

        try {
            accountReports(run + "-", written, consumedBefore);
            accountOrders(run + "-", written);
            checkAllocations();
        } catch (SQLException e) {
            violations.add("could not read the databases: " + e);
        }
        int acknowledged = (int) sent.stream().filter(s -> s.answer().acknowledged()).count();
        return new TrialResult(fault.name(), sent.size(), acknowledged, lost, doubled, refusals,
                recovered, drained, List.copyOf(violations));
    }

    /** While Keycloak is down a new login fails, and at once: the token endpoint refuses, nothing hangs. */
    private void checkLoginRefused() {
        long start = System.nanoTime();
        try {
            int status = RestAssured.given().formParam("grant_type", "password").formParam("client_id", "bwu-cli")
                    .formParam("username", LOGIN_PROBE).formParam("password", LOGIN_PROBE).post(platform.tokenUrl())
                    .statusCode();
            violations.add("a new login while Keycloak was down answered " + status);
        } catch (Exception refused) {
            // RestAssured throws the connection's IOException unchecked: a refused connection is the clear failure
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (millis > LOGIN_REFUSAL_LIMIT.toMillis()) {
                violations.add("a new login while Keycloak was down took " + millis + " ms to fail");
            }
        }
    }

    private void checkLoginWorks() {
        try {
            Tokens.newUserToken(LOGIN_PROBE);
        } catch (RuntimeException | AssertionError e) {
            violations.add("no new login once Keycloak was back: " + e.getMessage());
        }
    }

    /** Seconds from the restart until the last stream's first 2xx of a request sent after it; -1 if one had none. */
    private static double recoveredAfter(List<Sent> sent, long restartedAt) {
        Map<String, Long> firstAcknowledged = new HashMap<>();
        Map<String, Boolean> streams = new HashMap<>();
        for (Sent s : sent) {
            streams.put(s.exchange().stream(), true);
            Answer answer = s.answer();
            if (answer.acknowledged() && answer.sentAt() >= restartedAt) {
                long answeredAt = answer.sentAt() + TimeUnit.MILLISECONDS.toNanos(answer.millis());
                firstAcknowledged.merge(s.exchange().stream(), answeredAt, Math::min);
            }
        }
        if (!firstAcknowledged.keySet().equals(streams.keySet())) {
            return -1;
        }
        return seconds(firstAcknowledged.values().stream().mapToLong(Long::longValue).max().orElse(restartedAt)
                - restartedAt);
    }

    /** Counts every answer that was no 2xx by status; those that were no clear refusal are violations. */
    private Map<String, Integer> checkRefusals(List<Sent> sent, Fault fault) {
        Map<String, Integer> refusals = new TreeMap<>();
        Map<String, Integer> unclear = new TreeMap<>();
        Map<String, String> example = new HashMap<>();
        for (Sent s : sent) {
            Answer answer = s.answer();
            if (answer.acknowledged()) {
                continue;
            }
            refusals.merge(answer.describe(), 1, Integer::sum);
            boolean problem = answer.contentType() != null && answer.contentType().startsWith(Api.PROBLEM_JSON);
            boolean clear = answer.status() == 503 && problem && answer.retryAfter() != null
                    || answer.status() == 504 && problem
                    || answer.status() == Answer.NO_ANSWER && fault.silencesTheGateway();
            if (!clear) {
                String what = answer.describe() + (answer.status() == 503 && answer.retryAfter() == null
                        ? " without Retry-After" : "") + " to " + s.exchange().kind();
                unclear.merge(what, 1, Integer::sum);
                example.putIfAbsent(what, s.exchange().method() + " " + s.exchange().path() + " after "
                        + answer.millis() + " ms: " + answer.contentType() + " " + answer.detail());
            }
        }
        unclear.forEach((what, count) -> violations.add(count + " × " + what
                + " (not a 503 problem with Retry-After nor a 504 problem within the client timeout), e.g. "
                + example.get(what)));
        return refusals;
    }

    /**
     * Sends every status report and order that got no 2xx again, unchanged, as a client retries, until it is
     * acknowledged; returns every write of the trial by its key with its final answer.
     */
    private Map<String, Sent> resendUnacknowledged(Load load, List<Sent> sent) {
        Map<String, Sent> written = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (Sent s : sent) {
            if (s.exchange().kind() == Kind.AMENDMENT) {
                continue;
            }
            Sent last = s;
            for (int attempt = 0; !last.answer().acknowledged() && attempt < RESENDS; attempt++) {
                if (attempt > 0) {
                    sleep(Duration.ofSeconds(1));
                }
                last = new Sent(s.exchange(), load.send(s.exchange()));
                if (last.answer().status() >= 400 && last.answer().status() < 500) {
                    break;
                }
            }
            if (!last.answer().acknowledged()) {
                refused.add(s.exchange().kind() + " " + s.exchange().key() + ": " + last.answer().describe() + " "
                        + last.answer().detail());
            }
            written.put(s.exchange().key(), last);
        }
        listed("writes still refused when sent again after recovery", refused);
        return written;
    }

    private void accountReports(String keyPrefix, Map<String, Sent> written, long consumedBefore) throws SQLException {
        Map<String, Long> stored = new HashMap<>();
        for (String database : REGION_DATABASES.values()) {
            stored.putAll(countByKey(database, "select report_id, count(*) from status_report where report_id like ? "
                    + "group by report_id", keyPrefix));
        }
        Map<String, Long> charged = countByKey("licence", "select report_id, count(*) from quota_ledger "
                + "where report_id like ? group by report_id", keyPrefix);
        Map<String, Long> chargedUnits = countByKey("licence", "select report_id, sum(good_units) from quota_ledger "
                + "where report_id like ? group by report_id", keyPrefix);
        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        List<String> miscounted = new ArrayList<>();
        long acknowledgedUnits = 0;
        for (Sent s : written.values()) {
            if (s.exchange().kind() != Kind.STATUS_REPORT || !s.answer().acknowledged()) {
                continue;
            }
            String reportId = s.exchange().key();
            acknowledgedUnits += s.exchange().goodUnits();
            long times = stored.getOrDefault(reportId, 0L);
            long charges = charged.getOrDefault(reportId, 0L);
            String counted = reportId + " (stored " + times + "×, charged " + charges + "×)";
            if (times == 0 || charges == 0) {
                lost.add(counted);
            } else if (times > 1 || charges > 1) {
                doubled.add(counted);
            } else if (chargedUnits.get(reportId) != s.exchange().goodUnits()) {
                miscounted.add(reportId + " (" + s.exchange().goodUnits() + " good units, charged "
                        + chargedUnits.get(reportId) + ")");
            }
        }
        this.lost += lost.size();
        this.doubled += doubled.size();
        listed("acknowledged status reports not stored once and charged once to the licence ledger", lost);
        listed("status reports stored or charged more than once", doubled);
        listed("status reports charged with other good units than reported", miscounted);
        long consumed = network.unitsConsumed() - consumedBefore;
        if (consumed != acknowledgedUnits) {
            violations.add("licence units consumed grew by " + consumed + ", the good units acknowledged were "
                    + acknowledgedUnits);
        }
    }

    private void accountOrders(String keyPrefix, Map<String, Sent> written) throws SQLException {
        Map<String, Long> stored = countByKey("routing", "select customer, count(*) from customer_order "
                + "where customer like ? group by customer", ChaosNetwork.customer(keyPrefix));
        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        for (Sent s : written.values()) {
            if (s.exchange().kind() != Kind.ORDER || !s.answer().acknowledged()) {
                continue;
            }
            long times = stored.getOrDefault(ChaosNetwork.customer(s.exchange().key()), 0L);
            String counted = s.exchange().key() + " (" + s.answer().entityId().orElse("no id") + ", stored " + times
                    + "×)";
            if (times == 0) {
                lost.add(counted);
            } else if (times > 1) {
                doubled.add(counted);
            }
        }
        this.lost += lost.size();
        this.doubled += doubled.size();
        listed("acknowledged orders not stored", lost);
        listed("orders stored more than once", doubled);
    }

    /** One violation for a list of findings of a kind: how many, and the first few. */
    private void listed(String what, List<String> findings) {
        if (!findings.isEmpty()) {
            violations.add(findings.size() + " " + what + ", e.g. "
                    + String.join(", ", findings.subList(0, Math.min(5, findings.size()))));
        }
    }

    /** No line holds more active work than its capacity within the horizon, no licence more than its quota. */
    private void checkAllocations() throws SQLException {
        long lineLimit = (long) ChaosNetwork.ORDER_LINE_CAPACITY * ChaosNetwork.HORIZON_DAYS;
        Map<String, Long> onLines = countByKey("routing", "select line_id, sum(quantity - produced) from allocation "
                + "where status = 'ACTIVE' and technology_code like ? group by line_id", ChaosNetwork.ORDER_TECHNOLOGY);
        network.orderLines().forEach(line -> {
            if (onLines.getOrDefault(line, 0L) > lineLimit) {
                violations.add("line " + line + " holds " + onLines.get(line) + " units of active work, more than "
                        + lineLimit + " (" + ChaosNetwork.ORDER_LINE_CAPACITY + "/day over the horizon)");
            }
        });
        Map<String, Long> underLicences = countByKey("routing", "select licence_id, sum(quantity - produced) "
                + "from allocation where status = 'ACTIVE' and technology_code like ? group by licence_id",
                ChaosNetwork.ORDER_TECHNOLOGY);
        network.orderLicences().forEach((licence, quota) -> {
            if (underLicences.getOrDefault(licence, 0L) > quota) {
                violations.add("licence " + licence + " has " + underLicences.get(licence)
                        + " units of active work allocated, more than its quota of " + quota);
            }
        });
    }

    /** A query of (key, number) rows, its one parameter a prefix of the keys (matched as {@code prefix%}). */
    private Map<String, Long> countByKey(String database, String sql, String prefix) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = platform.database(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, prefix + "%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
