package org.buildwithukraine.line.service;

import static org.buildwithukraine.kit.security.Roles.FACTORY_MES;
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
import org.buildwithukraine.line.LineChange;
import org.buildwithukraine.line.ProductionLine;

/**
 * Object-level rights on lines. Endpoints check the role; this checks the line: a manufacturer, and a
 * factory's MES, act only for the factories their token names, whatever the request body says. The MES may
 * report and read; registering lines is for the factory's people (and network admins).
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
        if (!anyRole(NETWORK_READERS) && !staffOrMesOf(line.factoryId())) {
            throw ProblemException.forbidden("Line " + line.id() + " belongs to another factory");
        }
    }

    public void requireAllocationRead(ProductionLine line) {
        if (!anyRole(ALLOCATION_READERS) && !staffOf(line.factoryId())) {
            throw ProblemException.forbidden("The allocations of line " + line.id()
                    + " are visible to its factory and the order desk only");
        }
    }

    /** Reports come from the line's own factory only: its staff or its MES. */
    public void requireReport(ProductionLine line) {
        if (!staffOrMesOf(line.factoryId())) {
            throw ProblemException.forbidden("Only a manufacturer or the MES of factory " + line.factoryId()
                    + " may report on line " + line.id());
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
        if (existing != null && !staffOf(existing.factoryId())) {
            throw ProblemException.forbidden("Line " + existing.id() + " belongs to another factory");
        }
        if (!staffOf(factoryId)) {
            throw ProblemException.forbidden("A manufacturer may register lines of its own factory only, not of "
                    + factoryId);
        }
    }

    /** Raising capacity, changing technology or factory of a line: a network admin's decision ({@link LineChange}). */
    public void requireChange(LineChange change) {
        if (caller.hasRole(NETWORK_ADMIN)) {
            return;
        }
        change.reservedForNetworkAdmin().ifPresent(reason -> {
            throw ProblemException.forbidden(reason);
        });
    }

    /** The factories whose lines the caller may list; empty for "all of them". */
    public Optional<Set<String>> visibleFactories() {
        return anyRole(NETWORK_READERS) ? Optional.empty() : Optional.of(caller.factories());
    }

    /** The factory's people. */
    private boolean staffOf(String factoryId) {
        return caller.hasRole(MANUFACTURER) && caller.actsFor(factoryId);
    }

    /** The factory's people or its MES. */
    private boolean staffOrMesOf(String factoryId) {
        return (caller.hasRole(MANUFACTURER) || caller.hasRole(FACTORY_MES)) && caller.actsFor(factoryId);
    }

    private boolean anyRole(List<String> roles) {
        return roles.stream().anyMatch(caller::hasRole);
    }
}
