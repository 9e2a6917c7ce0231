package org.buildwithukraine.routing.engine;

import static org.buildwithukraine.routing.engine.Planner.DAY;
import static org.buildwithukraine.routing.engine.Planner.ceilDiv;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Times a line's queue: each allocation starts when the work before it is built at the line's rate, counted from
 * now. Finds the work that would run past its licence's last day, and plans the times of what a pass placed.
 */
final class QueueScheduler {

    private final Network network;
    private final Instant now;

    QueueScheduler(Network network, Instant now) {
        this.network = network;
        this.now = now;
    }

    /** Work that would finish after its licence's last day, and when. */
    record Overrun(Allocation allocation, Licence licence, Instant finish) {
    }

    /**
     * The allocations on the line from the position on that no longer fit before their licence ends, in queue
     * order. The later of the planned finish and the finish at the line's pace counts, and what overruns leaves the
     * queue, so the work after it moves up. The work ahead of the position is taken to fit (a caller that knows
     * nothing of the queue starts at 0).
     */
    List<Overrun> overruns(Line line, Load load, int from) {
        List<Overrun> overruns = new ArrayList<>();
        if (line == null || line.capacityPerDay() <= 0) {
            return overruns;
        }
        long cumulative = load.unitsBefore(from);
        // a line's queue runs under a few licences, mostly one after another: looked up again only when it changes
        String licenceId = null;
        Licence licence = null;
        Instant licenceEnd = null;
        List<Allocation> queue = load.allocations();
        for (Allocation allocation : queue.subList(from, queue.size())) {
            long after = cumulative + allocation.outstanding();
            Instant finish = instant(ceilDiv(after * DAY, line.capacityPerDay()));
            if (licenceId == null || !licenceId.equals(allocation.licenceId())) {
                licenceId = allocation.licenceId();
                licence = network.licence(licenceId);
                licenceEnd = licence == null ? null : endOf(licence);
            }
            if (licence != null) {
                Instant planned = allocation.plannedFinish() != null && allocation.plannedFinish().isAfter(finish)
                        ? allocation.plannedFinish() : finish;
                if (planned.isAfter(licenceEnd)) {
                    overruns.add(new Overrun(allocation, licence, planned));
                    continue;
                }
            }
            cumulative = after;
        }
        return overruns;
    }

    /**
     * When the order's work on the line is done: for each of its allocations the later of the planned finish and
     * the finish at the line's pace after the work queued before it (what {@link #schedule} would plan); null if
     * the order has no work there. On a line that builds nothing, work without planned times never finishes.
     */
    Instant lastFinish(Line line, Load load, String orderId) {
        Instant last = null;
        long cumulative = 0;
        for (Allocation allocation : load.allocations()) {
            cumulative += allocation.outstanding();
            if (!allocation.orderId().equals(orderId)) {
                continue;
            }
            Instant finish = line.capacityPerDay() > 0
                    ? later(allocation.plannedFinish(), instant(ceilDiv(cumulative * DAY, line.capacityPerDay())))
                    : allocation.plannedFinish() != null ? allocation.plannedFinish() : Instant.MAX;
            last = later(last, finish);
        }
        return last;
    }

    Instant endOf(Licence licence) {
        return licence.validTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Plans the touched lines' queues: new allocations get their times, and existing ones that new higher-ranked
     * work pushed back get later times (never earlier ones: a withdrawal does not promise earlier delivery).
     *
     * @param created the pass's new allocations by id; replaced by their timed versions
     * @return the existing allocations' new times
     */
    List<Reschedule> schedule(Collection<String> touchedLines, Ledger ledger, Map<String, Allocation> created) {
        List<Reschedule> rescheduled = new ArrayList<>();
        for (String lineId : touchedLines) {
            Line line = network.line(lineId);
            if (line == null || line.capacityPerDay() <= 0) {
                continue;
            }
            long cumulative = 0;
            boolean behindNewWork = false;
            for (Allocation allocation : ledger.line(lineId).allocations()) {
                Instant start = instant(ceilDiv(cumulative * DAY, line.capacityPerDay()));
                cumulative += allocation.outstanding();
                Instant finish = instant(ceilDiv(cumulative * DAY, line.capacityPerDay()));
                if (created.containsKey(allocation.id())) {
                    created.put(allocation.id(), allocation.scheduled(start, finish));
                    behindNewWork = true;
                } else if (behindNewWork && (allocation.plannedStart() == null
                        || allocation.plannedStart().isBefore(start) || allocation.plannedFinish().isBefore(finish))) {
                    rescheduled.add(new Reschedule(allocation.id(), later(allocation.plannedStart(), start),
                            later(allocation.plannedFinish(), finish)));
                }
            }
        }
        return rescheduled;
    }

    Instant instant(long secondsFromNow) {
        return now.plusSeconds(secondsFromNow);
    }

    static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
