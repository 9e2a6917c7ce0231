package org.buildwithukraine.line;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registration applied to a line: what it was before (nothing, for a new line) and what it becomes. A line's
 * technology and nominal capacity steer the order router, so who may change them is a rule: a manufacturer
 * registers its factory's new lines and may lower a line's capacity (a line that makes less than promised
 * should say so at once); raising the capacity, changing the technology or moving the line to another factory
 * is a network-admin decision.
 */
public record LineChange(String lineId, LineDefinition before, LineDefinition after) {

    public LineChange {
        Objects.requireNonNull(after, "after");
    }

    public boolean changesAnything() {
        return !after.equals(before);
    }

    /** A new line, or one moved to another factory or technology: the router meets it as a line anew. */
    public boolean reRegisters() {
        return before == null || !before.factoryId().equals(after.factoryId())
                || !before.technologyCode().equals(after.technologyCode());
    }

    /** Why a manufacturer may not make this change itself, if it may not: only a network admin may. */
    public Optional<String> reservedForNetworkAdmin() {
        if (before == null) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        if (!before.factoryId().equals(after.factoryId())) {
            reasons.add("moving it from factory " + before.factoryId() + " to " + after.factoryId());
        }
        if (!before.technologyCode().equals(after.technologyCode())) {
            reasons.add("changing its technology from " + before.technologyCode() + " to " + after.technologyCode());
        }
        if (after.nominalCapacityPerDay() > before.nominalCapacityPerDay()) {
            reasons.add("raising its capacity from " + before.nominalCapacityPerDay() + " to "
                    + after.nominalCapacityPerDay() + " units/day");
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Line " + lineId + ": " + String.join(" and ", reasons) + " is a network-admin "
                + "decision; a manufacturer may register new lines of its factory and lower a line's capacity");
    }
}
