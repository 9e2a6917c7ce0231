package org.buildwithukraine.licence;

/** The outcome of applying a {@link LicenceAction} to a {@link Standing}. */
public sealed interface Step {

    /**
     * The licence moves to {@code next}.
     *
     * @param eventType the licence event announcing it, or null when the change is internal (a second
     *                  suspension cause added or lifted) and what the order router sees stays the same
     */
    record Changed(Standing next, String eventType) implements Step {
    }

    /** Nothing to do: the action does not concern a licence in this state (e.g. a factory event). */
    record Unchanged() implements Step {
    }

    /** The action is not allowed in this state. */
    record Refused(String reason) implements Step {
    }
}
