package org.buildwithukraine.licence.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.kit.web.ListFilter;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.licence.Technology;

import io.quarkus.panache.common.Sort;

/** The technology catalogue. */
@ApplicationScoped
public class TechnologyService {

    private final Clock clock;

    public TechnologyService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Technology add(NewTechnology request, String actor) {
        if (Technology.findById(request.code()) != null) {
            throw ProblemException.conflict("Technology " + request.code() + " is already in the catalogue");
        }
        Technology technology = Technology.catalogued(request.code(), request.name(), request.category(),
                request.controlListEntry(), request.owner(), actor, clock.instant());
        // flush now so that a concurrent addition of the same code fails here, as a conflict
        technology.persistAndFlush();
        return technology;
    }

    public Technology get(String code) {
        Technology technology = Technology.findById(code);
        if (technology == null) {
            throw ProblemException.notFound("No technology " + code);
        }
        return technology;
    }

    public Page<Technology> list(TechnologyCategory category, PageRequest page) {
        return page.fetch(ListFilter.where().equal("category", category),
                (query, parameters) -> Technology.find(query, Sort.by("code"), parameters));
    }
}
