package org.buildwithukraine.line.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.line.OutputReported.AllocationProgress;
import org.buildwithukraine.kit.idempotency.IdempotencyKey;
import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.kit.web.ListFilter;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.line.Allocation;
import org.buildwithukraine.line.AllocationStatus;
import org.buildwithukraine.line.OutputAttribution;
import org.buildwithukraine.line.ProductionLine;
import org.buildwithukraine.line.Region;
import org.buildwithukraine.line.ReportEffect;
import org.buildwithukraine.line.StatusReport;

import org.hibernate.Hibernate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.Startup;

/**
 * Takes status reports in. Each report is one short transaction on this instance's own database: lock the line
 * (so reports of one line, duplicates included, take turns), store the report, move the current state if the
 * report is the newest, count good units towards open allocations, and record the events. No other service is
 * asked anything. Created at startup, so that its counters exist from 0 before the first report.
 */
@Startup
@ApplicationScoped
public class StatusReportService {

    private final LineService lines;
    private final LineAccess access;
    private final LineEvents events;
    private final ReportsConfig config;
    private final Clock clock;
    private final Map<ReportEffect, Counter> takenByEffect = new EnumMap<>(ReportEffect.class);
    private final Counter keyReused;
    private final Counter replayed;
    private final Counter refused;
    private final Counter goodUnits;
    private final Counter scrapUnits;

    public StatusReportService(LineService lines, LineAccess access, LineEvents events, ReportsConfig config,
            Clock clock, Region region, MeterRegistry meters) {
        this.lines = lines;
        this.access = access;
        this.events = events;
        this.config = config;
        this.clock = clock;
        // registered once: looking a counter up by name and tags on every report is work per request
        for (ReportEffect effect : ReportEffect.values()) {
            takenByEffect.put(effect, reportCounter(meters, effect.name()));
        }
        this.keyReused = reportCounter(meters, "KEY_REUSED");
        this.replayed = reportCounter(meters, "REPLAYED");
        this.refused = reportCounter(meters, "REFUSED");
        this.goodUnits = unitsCounter(meters, region, "good");
        this.scrapUnits = unitsCounter(meters, region, "scrap");
    }

    private static Counter reportCounter(MeterRegistry meters, String effect) {
        return meters.counter("bwu.line.reports", "effect", effect);
    }

    /**
     * {@code bwu_line_output_units_total{region,quality}}: units the region's reports have made, good or scrap, for
     * the dashboards' output and quality (good / all) of a region; a line's exact OEE is its /oee resource. Like the
     * report counts, counted when a report is taken, inside its transaction: a transaction that fails afterwards
     * was counted all the same (a gauge of trends, not a ledger).
     */
    private static Counter unitsCounter(MeterRegistry meters, Region region, String quality) {
        return Counter.builder("bwu.line.output.units")
                .description("Units reported made by the region's lines, good or scrap")
                .tag("region", region.code()).tag("quality", quality).register(meters);
    }

    /** @param replayed the report was taken before: {@code report} is the first one, nothing was changed */
    public record Outcome(StatusReport report, boolean replayed) {
    }

    /**
     * The kit's idempotency policy with the reportId as the key and the stored report as the stored answer: the
     * same reportId and report again is the first report; the same reportId with another report is a 409 naming
     * it, and nothing is changed. Taken as a batch of one ({@link #reportAll}), so both endpoints run the same
     * statements and rules.
     */
    @Transactional
    public Outcome report(String lineId, NewReport request, String actor) {
        ItemOutcome outcome = reportAll(List.of(new LineReport(lineId, request)), actor).get(0);
        if (outcome.refused() != null) {
            throw outcome.refused();
        }
        return outcome.taken();
    }

    /** A report of a batch: the line it is for and the report as the single endpoint takes it. */
    public record LineReport(String lineId, NewReport report) {
    }

    /** A batch item's answer: either {@code taken} (stored or replayed) or {@code refused}, never both. */
    public record ItemOutcome(Outcome taken, ProblemException refused) {

        static ItemOutcome refusedFor(ProblemException refusal) {
            return new ItemOutcome(null, refusal);
        }
    }

    /**
     * Takes a batch of reports in ONE transaction, each item exactly as {@link #report} takes a single report:
     * same rights, same idempotency on its reportId, same refusals, and the outbox events of every stored report
     * commit with it. The lines are locked first, in one query, once each and in id order, so two batches naming
     * the same lines never wait for each other in a cycle; then, in one query each, the reports stored before under
     * the batch's reportIds and the open allocations of its lines (locked against cancelling); items are then
     * taken in request order (two reports of one line in a batch count as sent one after the other) without
     * another query, and what they write goes to the database in JDBC batches at commit. An item is refused before
     * anything of it is written (line unknown, of another region or another factory, reportId taken by another
     * report, observation outside the window), so a refused item leaves the others' work alone and the rest
     * commits. Anything else (the database failing) rolls the whole batch back: nothing of it is stored, and the
     * client's retry of the batch is answered afresh. The three queries take their ids as array parameters
     * ({@code = any(?)}): Hibernate translates a query with an {@code in} list anew on every call, which cost a
     * tenth of the service's CPU for single reports.
     *
     * @return one outcome per item, in request order
     */
    @Transactional
    public List<ItemOutcome> reportAll(List<LineReport> items, String actor) {
        LineService.Lines locked = lines.lockEach(items.stream().map(LineReport::lineId).toList());
        Map<String, ProductionLine> reportable = new HashMap<>();
        Map<String, ProblemException> refusedLines = new HashMap<>(locked.refused());
        locked.found().forEach((lineId, line) -> {
            try {
                access.requireReport(line);
                reportable.put(lineId, line);
            } catch (ProblemException refusal) {
                refusedLines.put(lineId, refusal);
            }
        });
        Map<String, StatusReport> takenBefore = takenBefore(items, reportable.keySet());
        Map<String, List<Allocation>> openAllocations = openAllocations(items, reportable.keySet());
        List<ItemOutcome> outcomes = new ArrayList<>(items.size());
        for (LineReport item : items) {
            ProductionLine line = reportable.get(item.lineId());
            if (line == null) {
                outcomes.add(ItemOutcome.refusedFor(refusedLines.get(item.lineId())));
                continue;
            }
            try {
                String key = item.lineId() + '\n' + item.report().reportId();
                Outcome outcome = take(line, item.report(), takenBefore.get(key),
                        openAllocations.getOrDefault(item.lineId(), List.of()), actor);
                takenBefore.putIfAbsent(key, outcome.report());
                outcomes.add(new ItemOutcome(outcome, null));
            } catch (ProblemException refusal) {
                outcomes.add(ItemOutcome.refusedFor(refusal));
            }
        }
        return outcomes;
    }

    /**
     * The open allocations of the lines that have a report with good units in the batch, oldest first by line, in
     * one query; locked against cancelling. Read once the lines are locked: allocations are counted only under
     * their line's lock, so the batch's own counting is all that changes them until it commits.
     */
    private static Map<String, List<Allocation>> openAllocations(List<LineReport> items, Set<String> lineIds) {
        Set<String> producing = items.stream().filter(item -> item.report().goodUnits() > 0)
                .map(LineReport::lineId).filter(lineIds::contains).collect(Collectors.toSet());
        Map<String, List<Allocation>> open = new HashMap<>();
        if (producing.isEmpty()) {
            return open;
        }
        @SuppressWarnings("unchecked")
        List<Allocation> locked = Allocation.getEntityManager().createNativeQuery("""
                select * from allocation where line_id = any(?1) and status = ?2
                order by line_id, allocated_at, seq for no key update""", Allocation.class)
                .setParameter(1, producing.toArray(String[]::new)).setParameter(2, AllocationStatus.OPEN.name())
                .getResultList();
        locked.forEach(allocation -> open.computeIfAbsent(allocation.lineId(), id -> new ArrayList<>())
                .add(allocation));
        return open;
    }

    /**
     * The reports of the batch's lines already stored under the batch's reportIds, by line id and reportId, in one
     * query. Read once the lines are locked: reports are only stored under their line's lock, so none can be added
     * meanwhile by another transaction; those of the batch itself are added by {@link #reportAll} as it goes.
     */
    private static Map<String, StatusReport> takenBefore(List<LineReport> items, Set<String> lineIds) {
        Map<String, StatusReport> taken = new HashMap<>();
        if (lineIds.isEmpty()) {
            return taken;
        }
        Set<String> reportIds = items.stream().map(item -> item.report().reportId()).collect(Collectors.toSet());
        // lines × reportIds is a superset of the batch's pairs: the map keeps the exact pairs
        @SuppressWarnings("unchecked")
        List<StatusReport> stored = StatusReport.getEntityManager().createNativeQuery(
                "select * from status_report where line_id = any(?1) and report_id = any(?2)", StatusReport.class)
                .setParameter(1, lineIds.toArray(String[]::new)).setParameter(2, reportIds.toArray(String[]::new))
                .getResultList();
        stored.forEach(report -> taken.put(report.lineId + '\n' + report.reportId, report));
        return taken;
    }

    /**
     * The report on a line already locked and checked, {@code first} the report stored before under its reportId
     * (null if none), {@code open} the line's allocations open when the batch began, oldest first; every refusal
     * is thrown before anything is written, which is what lets {@link #reportAll} refuse one item and commit the
     * others.
     */
    private Outcome take(ProductionLine line, NewReport request, StatusReport first, List<Allocation> open,
            String actor) {
        String lineId = line.id();
        // PostgreSQL keeps microseconds: answer now exactly what a replay will read back
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant observedAt = request.observedAt().truncatedTo(ChronoUnit.MICROS);
        // looked up under the line lock, a duplicate sent concurrently finds the first one committed; a retry
        // answers as the first time even once its observation has left the window
        if (first != null) {
            if (!request.isRetryOf(first)) {
                keyReused.increment();
                throw IdempotencyKey.of("reportId", request.reportId()).reusedForAnotherRequest();
            }
            Hibernate.initialize(first.attributions);
            replayed.increment();
            return new Outcome(first, true);
        }
        var refusal = config.window().refusal(observedAt, line.registeredAt(), now);
        if (refusal.isPresent()) {
            refused.increment();
            throw ProblemException.invalid("observedAt", refusal.get());
        }

        StatusReport report = new StatusReport();
        report.lineId = lineId;
        report.reportId = request.reportId();
        report.observedAt = observedAt;
        report.receivedAt = now;
        report.state = request.state();
        report.downtimeReason = request.reason();
        report.goodUnits = request.goodUnits();
        report.scrapUnits = request.scrapUnits();
        report.reportedBy = actor;

        ReportEffect effect = line.accept(report, now);
        report.current = effect.updatesCurrentState();
        if (effect == ReportEffect.STATE_CHANGED) {
            events.statusChanged(line, actor);
        }
        List<AllocationProgress> progress = attribute(report, open);
        report.persist();
        if (report.goodUnits + report.scrapUnits > 0) {
            events.outputReported(line, report, progress, actor);
        }
        takenByEffect.get(effect).increment();
        goodUnits.increment(report.goodUnits);
        scrapUnits.increment(report.scrapUnits);
        return new Outcome(report, false);
    }

    public StatusReport get(String lineId, String reportId) {
        access.requireRead(lines.require(lineId, LockModeType.NONE));
        StatusReport report = StatusReport.<StatusReport>find("lineId = ?1 and reportId = ?2", lineId, reportId)
                .firstResult();
        if (report == null) {
            throw ProblemException.notFound("Line " + lineId + " has no report " + reportId);
        }
        Hibernate.initialize(report.attributions);
        return report;
    }

    /** Reports observed in [from, to), newest first. */
    public Page<StatusReport> history(String lineId, Instant from, Instant to, PageRequest page) {
        access.requireRead(lines.require(lineId, LockModeType.NONE));
        ListFilter inWindow = ListFilter.where().equal("lineId", lineId).atLeast("observedAt", from)
                .before("observedAt", to);
        Page<StatusReport> reports = page.fetch(inWindow, (query, parameters) -> StatusReport.find(query,
                Sort.by("observedAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending), parameters));
        // one batched query for the whole page, while the session is open
        reports.items().forEach(report -> Hibernate.initialize(report.attributions));
        return reports;
    }

    /**
     * Counts the good units towards those of the line's allocations still open, oldest first (an earlier report of
     * the batch may have fulfilled some).
     */
    private static List<AllocationProgress> attribute(StatusReport report, List<Allocation> allocations) {
        if (report.goodUnits == 0) {
            return List.of();
        }
        List<Allocation> open = allocations.stream().filter(a -> a.status() == AllocationStatus.OPEN).toList();
        var result = OutputAttribution.attribute(report.goodUnits,
                open.stream().map(a -> new OutputAttribution.Open(a.id(), a.remaining())).toList());
        Map<String, Allocation> byId = open.stream().collect(Collectors.toMap(Allocation::id, Function.identity()));
        List<AllocationProgress> progress = new ArrayList<>();
        for (OutputAttribution.Share share : result.shares()) {
            Allocation allocation = byId.get(share.allocationId());
            allocation.count(share.units());
            report.attributions.add(new StatusReport.Attribution(allocation.id(), allocation.orderId(),
                    share.units()));
            progress.add(new AllocationProgress(allocation.id(), allocation.orderId(), share.units(),
                    allocation.produced(), allocation.remaining()));
        }
        report.unattributedUnits = result.unattributed();
        return progress;
    }
}
