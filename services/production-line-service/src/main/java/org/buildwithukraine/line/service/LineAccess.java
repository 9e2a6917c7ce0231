package org.buildwithukraine.line.service;

import static org.buildwithukraine.kit.security.Roles.MANUFACTURER;
import static org.buildwithukraine.kit.security.Roles.NETWORK_ADMIN;
import static org.buildwithukraine.kit.security.Roles.OPERATOR;
import static org.buildwithukraine.kit.security.Roles.ORDER_DESK;
import static org.buildwithukraine.kit.security.Roles.TECHNOLOGY_OFFICER;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.kit.security.Caller;
import org.buildwithukraine.line.ProductionLine;

/**
 * Object-level rights on lines. Endpoints check the role; this checks the line: a manufacturer (person or
 * MES client) acts only for the factories its token names, whatever the request body says.
 */
@ApplicationScoped
public class LineAccess {

    /** Roles that see every line of the region. */
    private static final List<String> NETWORK_READERS = List.of(TECHNOLOGY_OFFICER, ORDER_DESK, NETWORK_ADMIN,
            OPERATOR);
    /** Roles that see every line's allocations (the work of other factories is not everyone's business). */
    private static final List<String> ALLOCATION_READERS = List.of(ORDER_DESK, OPERATOR, NETWORK_ADMIN);

    private final Caller caller;

    public LineAccess(Caller caller) {
        this.caller = caller;
    }

    public void requireRead(ProductionLine line) {
        if (!anyRole(NETWORK_READERS) && !ownFactory(line.factoryId)) {
            throw ProblemException.forbidden("Line " + line.id + " belongs to another factory");
        }
    }

    public void requireAllocationRead(ProductionLine line) {
        if (!anyRole(ALLOCATION_READERS) && !ownFactory(line.factoryId)) {
            throw ProblemException.forbidden("The allocations of line " + line.id
                    + " are visible to its factory and the order desk only");
        }
    }

    /** Reports come from the line's own factory only: its staff or its MES. */
    public void requireReport(ProductionLine line) {
        if (!ownFactory(line.factoryId)) {
            throw ProblemException.forbidden("Only a manufacturer of factory " + line.factoryId
                    + " may report on line " + line.id);
        }
    }

    /**
     * A network administrator registers any line; a manufacturer only lines of its own factory, and it cannot
     * take over a line that belongs to another factory.
     */
    public void requireRegister(String factoryId, ProductionLine existing) {
        if (caller.hasRole(NETWORK_ADMIN)) {
            return;
        }
        if (existing != null && !ownFactory(existing.factoryId)) {
            throw ProblemException.forbidden("Line " + existing.id + " belongs to another factory");
        }
        if (!ownFactory(factoryId)) {
            throw ProblemException.forbidden("A manufacturer may register lines of its own factory only, not of "
                    + factoryId);
        }
    }

    /** The factories whose lines the caller may list; empty for "all of them". */
    public Optional<Set<String>> visibleFactories() {
        return anyRole(NETWORK_READERS) ? Optional.empty() : Optional.of(caller.factories());
    }

    private boolean ownFactory(String factoryId) {
        return caller.hasRole(MANUFACTURER) && caller.actsFor(factoryId);
    }

    private boolean anyRole(List<String> roles) {
        return roles.stream().anyMatch(caller::hasRole);
    }
}
