package org.buildwithukraine.factory.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

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
        Factory factory = Factory.register(request.id(), request.name(), request.country(), request.kind(),
                request.capabilities(), clock.instant());
        // flush now so that a concurrent registration of the same id fails here, as a conflict
        factory.persistAndFlush();
        events.emit(FactoryEventTypes.REGISTERED, factory, actor);
        return factory;
    }

    @Transactional
    public Factory update(String id, FactoryChanges changes, String actor) {
        Factory factory = lockedFactory(id);
        if (factory.update(changes.name(), changes.capabilities(), clock.instant())) {
            events.emit(FactoryEventTypes.UPDATED, factory, actor);
        }
        return factory;
    }

    @Transactional
    public Factory changeStatus(String id, FactoryStatus target, String reason, String actor) {
        Factory factory = lockedFactory(id);
        FactoryStatus before = factory.status();
        StatusTransition transition = factory.moveTo(target, reason, clock.instant())
                .orElseThrow(() -> ProblemException.conflict(
                        "Factory " + id + " is " + before + " and cannot become " + target));
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
}
