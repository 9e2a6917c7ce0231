package org.buildwithukraine.line.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.line.Oee;
import org.buildwithukraine.line.ProductionLine;
import org.buildwithukraine.line.Region;
import org.buildwithukraine.line.StatusReport;

/** OEE of a line for a calendar day of the region, from the day's reports and the line's nominal capacity. */
@ApplicationScoped
public class OeeService {

    private final LineService lines;
    private final LineAccess access;
    private final Region region;
    private final Clock clock;

    public OeeService(LineService lines, LineAccess access, Region region, Clock clock) {
        this.lines = lines;
        this.access = access;
        this.region = region;
        this.clock = clock;
    }

    /** @param to end of the day, or now for today: the rest of today has not happened yet */
    public record DayOee(ProductionLine line, LocalDate date, Instant from, Instant to, Oee oee) {
    }

    public DayOee ofDay(String lineId, LocalDate date) {
        ProductionLine line = lines.require(lineId, LockModeType.NONE);
        access.requireRead(line);
        Instant from = date.atStartOfDay(region.zone()).toInstant();
        Instant endOfDay = date.plusDays(1).atStartOfDay(region.zone()).toInstant();
        Instant now = clock.instant();
        if (!from.isBefore(now)) {
            throw ProblemException.invalid("date", "lies in the future in region " + region.code() + " ("
                    + region.zone() + ")");
        }
        Instant to = endOfDay.isBefore(now) ? endOfDay : now;
        StatusReport before = StatusReport.<StatusReport>find(
                "lineId = ?1 and observedAt < ?2 order by observedAt desc, id desc", lineId, from).firstResult();
        List<Oee.Observation> observations = StatusReport.<StatusReport>find(
                "lineId = ?1 and observedAt >= ?2 and observedAt < ?3 order by observedAt, id", lineId, from, to)
                .list().stream()
                .map(r -> new Oee.Observation(r.observedAt, r.state, r.goodUnits, r.scrapUnits))
                .toList();
        LineState stateAtStart = before == null ? null : before.state;
        return new DayOee(line, date, from, to,
                Oee.of(from, to, stateAtStart, observations, line.nominalCapacityPerDay()));
    }
}
