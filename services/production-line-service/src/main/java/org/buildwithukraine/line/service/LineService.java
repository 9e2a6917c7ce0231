package org.buildwithukraine.line.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.kit.web.ListFilter;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.line.KnownFactory;
import org.buildwithukraine.line.LineChange;
import org.buildwithukraine.line.LineChangeRecord;
import org.buildwithukraine.line.LineDefinition;
import org.buildwithukraine.line.ProductionLine;
import org.buildwithukraine.line.Region;

import io.quarkus.panache.common.Sort;

/** Registers this region's lines and answers questions about them. */
@ApplicationScoped
public class LineService {

    private final Region region;
    private final LineAccess access;
    private final LineEvents events;
    private final Clock clock;

    public LineService(Region region, LineAccess access, LineEvents events, Clock clock) {
        this.region = region;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    public record Registration(ProductionLine line, boolean created) {
    }

    /**
     * Registers a line, or updates it, and keeps the change in the line's history. A new line, or one moved to
     * another factory or technology, is announced as LineRegistered; a capacity change alone as
     * LineStatusChanged; an unchanged line not at all. Who may make which change is {@link LineChange}'s rule.
     */
    @Transactional
    public Registration register(String lineId, LineDefinition definition, String actor) {
        if (!region.owns(lineId)) {
            throw ProblemException.invalid("lineId", "belongs to region " + Region.regionNamedBy(lineId)
                    + "; this instance serves region " + region.code() + ", whose line ids start with "
                    + region.lineIdPrefix());
        }
        ProductionLine line = ProductionLine.findById(lineId, LockModeType.PESSIMISTIC_WRITE);
        access.requireRegister(definition.factoryId(), line);
        LineChange change = new LineChange(lineId, line == null ? null : LineDefinition.of(line), definition);
        access.requireChange(change);
        requireActiveManufacturer(definition.factoryId());
        if (!change.changesAnything()) {
            return new Registration(line, false);
        }
        // as PostgreSQL keeps it, so that the answer and the event say what a later read says
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean created = line == null;
        if (created) {
            line = ProductionLine.register(lineId, definition, now);
            // flush now so that a concurrent first registration of the same id fails here, as a conflict
            line.persistAndFlush();
        } else {
            line.redefine(definition, now);
        }
        LineChangeRecord.of(change, actor, now).persist();
        if (change.reRegisters()) {
            events.registered(line, actor);
        } else {
            events.statusChanged(line, actor);
        }
        return new Registration(line, created);
    }

    /** The line's registration changes, newest first. */
    public Page<LineChangeRecord> history(String lineId, PageRequest page) {
        get(lineId);
        var changes = LineChangeRecord.<LineChangeRecord>find("lineId", Sort.by("id", Sort.Direction.Descending),
                lineId);
        return page.fetch(changes);
    }

    public ProductionLine get(String lineId) {
        ProductionLine line = require(lineId, LockModeType.NONE);
        access.requireRead(line);
        return line;
    }

    public Page<ProductionLine> list(LineFilter filter, PageRequest page) {
        ListFilter matching = ListFilter.where().equal("factoryId", filter.factoryId())
                .equal("state", filter.state()).equal("technologyCode", filter.technologyCode());
        access.visibleFactories().ifPresent(own -> matching.in("factoryId", own));
        return page.fetch(matching, (query, parameters) -> ProductionLine.find(query, Sort.by("id"), parameters));
    }

    /** The line, or a 404 that tells a caller of the wrong region where the line lives. */
    public ProductionLine require(String lineId, LockModeType lock) {
        if (!region.owns(lineId)) {
            throw notServedHere(lineId);
        }
        ProductionLine line = ProductionLine.findById(lineId, lock);
        if (line == null) {
            throw unknown(lineId);
        }
        return line;
    }

    /**
     * Each line as {@link #require} finds it, or its refusal: the lines of this region are locked for writing in
     * one query, in id order (rows are locked in the order the query sorts them), so that two callers locking
     * overlapping sets never wait for each other in a cycle.
     */
    public Lines lockEach(Collection<String> lineIds) {
        Map<String, ProblemException> refused = new HashMap<>();
        List<String> served = new ArrayList<>();
        for (String lineId : new TreeSet<>(lineIds)) {
            if (region.owns(lineId)) {
                served.add(lineId);
            } else {
                refused.put(lineId, notServedHere(lineId));
            }
        }
        Map<String, ProductionLine> found = new HashMap<>();
        if (!served.isEmpty()) {
            // an array parameter: a query with an `in` list is translated again by Hibernate on every call
            @SuppressWarnings("unchecked")
            List<ProductionLine> locked = ProductionLine.getEntityManager().createNativeQuery(
                    "select * from production_line where id = any(?1) order by id for no key update",
                    ProductionLine.class).setParameter(1, served.toArray(String[]::new)).getResultList();
            locked.forEach(line -> found.put(line.id(), line));
        }
        served.stream().filter(lineId -> !found.containsKey(lineId))
                .forEach(lineId -> refused.put(lineId, unknown(lineId)));
        return new Lines(found, refused);
    }

    /** Lines by id, and for every other id asked for, why there is none. */
    public record Lines(Map<String, ProductionLine> found, Map<String, ProblemException> refused) {
    }

    private ProblemException notServedHere(String lineId) {
        return ProblemException.notFound("Line " + lineId + " belongs to region " + Region.regionNamedBy(lineId)
                + " and is not served by this instance, which serves region " + region.code()
                + " (line ids " + region.lineIdPrefix() + "…)");
    }

    private static ProblemException unknown(String lineId) {
        return ProblemException.notFound("No line " + lineId);
    }

    private static void requireActiveManufacturer(String factoryId) {
        KnownFactory factory = KnownFactory.findById(factoryId);
        if (factory == null) {
            throw ProblemException.invalid("factoryId", "is not a known factory");
        }
        if (factory.kind != FactoryKind.MANUFACTURER) {
            throw ProblemException.invalid("factoryId", "is an export centre; only manufacturers run lines");
        }
        if (factory.status != FactoryStatus.ACTIVE) {
            throw ProblemException.conflict("Factory " + factoryId + " is " + factory.status
                    + "; lines can be registered only for an ACTIVE factory");
        }
    }
}
