package org.buildwithukraine.line.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.line.KnownFactory;
import org.buildwithukraine.line.ProductionLine;
import org.buildwithukraine.line.Region;
import org.buildwithukraine.line.messaging.LineEvents;

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
     * Registers a line, or updates it. A new line, or one moved to another factory or technology, is announced
     * as LineRegistered; a capacity change alone as LineStatusChanged; an unchanged line not at all.
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
        requireActiveManufacturer(definition.factoryId());
        // as PostgreSQL keeps it, so that the answer and the event say what a later read says
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (line == null) {
            line = new ProductionLine();
            line.id = lineId;
            line.factoryId = definition.factoryId();
            line.technologyCode = definition.technologyCode();
            line.nominalCapacityPerDay = definition.nominalCapacityPerDay();
            line.state = ProductionLine.INITIAL_STATE;
            line.stateSince = now;
            line.registeredAt = now;
            line.updatedAt = now;
            // flush now so that a concurrent first registration of the same id fails here, as a conflict
            line.persistAndFlush();
            events.registered(line, actor);
            return new Registration(line, true);
        }
        boolean reRegistered = !line.factoryId.equals(definition.factoryId())
                || !line.technologyCode.equals(definition.technologyCode());
        boolean capacityChanged = line.nominalCapacityPerDay != definition.nominalCapacityPerDay();
        if (reRegistered || capacityChanged) {
            line.factoryId = definition.factoryId();
            line.technologyCode = definition.technologyCode();
            line.nominalCapacityPerDay = definition.nominalCapacityPerDay();
            line.updatedAt = now;
            if (reRegistered) {
                events.registered(line, actor);
            } else {
                events.statusChanged(line, actor);
            }
        }
        return new Registration(line, false);
    }

    public ProductionLine get(String lineId) {
        ProductionLine line = require(lineId, LockModeType.NONE);
        access.requireRead(line);
        return line;
    }

    public Page<ProductionLine> list(LineFilter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.factoryId() != null) {
            query.append(" and factoryId = :factoryId");
            parameters.put("factoryId", filter.factoryId());
        }
        if (filter.state() != null) {
            query.append(" and state = :state");
            parameters.put("state", filter.state());
        }
        if (filter.technologyCode() != null) {
            query.append(" and technologyCode = :technology");
            parameters.put("technology", filter.technologyCode());
        }
        var visible = access.visibleFactories();
        if (visible.isPresent()) {
            Set<String> own = visible.get();
            if (own.isEmpty()) {
                return page.empty();
            }
            query.append(" and factoryId in :own");
            parameters.put("own", own);
        }
        var matches = ProductionLine.<ProductionLine>find(query.toString(), Sort.by("id"), parameters);
        return page.fetch(matches);
    }

    /** The line, or a 404 that tells a caller of the wrong region where the line lives. */
    public ProductionLine require(String lineId, LockModeType lock) {
        if (!region.owns(lineId)) {
            throw ProblemException.notFound("Line " + lineId + " belongs to region " + Region.regionNamedBy(lineId)
                    + " and is not served by this instance, which serves region " + region.code()
                    + " (line ids " + region.lineIdPrefix() + "…)");
        }
        ProductionLine line = ProductionLine.findById(lineId, lock);
        if (line == null) {
            throw ProblemException.notFound("No line " + lineId);
        }
        return line;
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
