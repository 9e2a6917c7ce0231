package org.buildwithukraine.factory.service;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.events.factory.FactoryEventTypes;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.factory.Factory;
import org.buildwithukraine.factory.StatusTransition;
import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.kit.web.ListFilter;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;

import io.quarkus.panache.common.Sort;

/** Registers factories and moves them through their lifecycle; every change emits its event atomically. */
@ApplicationScoped
public class FactoryService {

    private final FactoryEvents events;
    private final Clock clock;

    public FactoryService(FactoryEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Factory register(NewFactory request, String actor) {
        if (Factory.findById(request.id()) != null) {
            throw ProblemException.conflict("Factory " + request.id() + " is already registered");
        }
        Instant now = clock.instant();
        Factory factory = new Factory();
        factory.id = request.id();
        factory.name = request.name();
        factory.country = request.country();
        factory.kind = request.kind();
        factory.capabilities = copyOf(request.capabilities());
        factory.status = FactoryStatus.ONBOARDING;
        factory.registeredAt = now;
        factory.updatedAt = now;
        // flush now so that a concurrent registration of the same id fails here, as a conflict
        factory.persistAndFlush();
        events.emit(FactoryEventTypes.REGISTERED, factory, actor);
        return factory;
    }

    @Transactional
    public Factory update(String id, FactoryChanges changes, String actor) {
        Factory factory = lockedFactory(id);
        boolean changed = false;
        if (changes.name() != null && !changes.name().equals(factory.name)) {
            factory.name = changes.name();
            changed = true;
        }
        if (changes.capabilities() != null && !copyOf(changes.capabilities()).equals(factory.capabilities)) {
            factory.capabilities.clear();
            factory.capabilities.addAll(changes.capabilities());
            changed = true;
        }
        if (changed) {
            factory.updatedAt = clock.instant();
            events.emit(FactoryEventTypes.UPDATED, factory, actor);
        }
        return factory;
    }

    @Transactional
    public Factory changeStatus(String id, FactoryStatus target, String reason, String actor) {
        Factory factory = lockedFactory(id);
        StatusTransition transition = StatusTransition.between(factory.status, target)
                .orElseThrow(() -> ProblemException.conflict(
                        "Factory " + id + " is " + factory.status + " and cannot become " + target));
        factory.status = transition.target();
        factory.statusReason = reason;
        factory.updatedAt = clock.instant();
        events.emit(transition.eventType(), factory, actor);
        return factory;
    }

    public Factory get(String id) {
        Factory factory = Factory.findById(id);
        if (factory == null) {
            throw ProblemException.notFound("No factory " + id);
        }
        return factory;
    }

    public Page<Factory> list(FactoryFilter filter, PageRequest page) {
        ListFilter matching = ListFilter.where().equal("country", filter.country()).equal("kind", filter.kind())
                .equal("status", filter.status());
        return page.fetch(matching, (query, parameters) -> Factory.find(query, Sort.by("id"), parameters));
    }

    /** Locked for the rest of the transaction, so that concurrent changes of one factory take turns. */
    private Factory lockedFactory(String id) {
        Factory factory = Factory.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (factory == null) {
            throw ProblemException.notFound("No factory " + id);
        }
        return factory;
    }

    private static EnumSet<TechnologyCategory> copyOf(Set<TechnologyCategory> categories) {
        return categories == null || categories.isEmpty() ? EnumSet.noneOf(TechnologyCategory.class)
                : EnumSet.copyOf(categories);
    }
}
