package org.buildwithukraine.kit.inbox;

import java.util.List;

import org.buildwithukraine.events.EventEnvelope;

/**
 * One local read model kept from another service's snapshots (each event carries the whole aggregate as it is
 * after the change), as {@link SnapshotProjector} applies them. The projection says what its snapshots are and
 * how its view is stored; the projector decides when a snapshot is applied.
 *
 * @param <S> the snapshot (event payload) type
 * @param <V> the view (entity) kept from it, keyed by the aggregate id
 * @param <W> what the follow-ups watch in the view, to compare before and after a snapshot
 */
public interface SnapshotProjection<S, V extends ProjectedView, W> {

    /** The name of this consumer in the inbox: unique per read model, stable forever. */
    String consumer();

    Class<S> snapshotType();

    Class<V> viewType();

    /** Whether events of this type carry the snapshot; others are recorded as seen and passed over. */
    default boolean carriesSnapshot(String eventType) {
        return true;
    }

    /** The id of the aggregate the snapshot describes; it must be the envelope's aggregate id, and is the view's id. */
    String key(S snapshot);

    /** Fields the view cannot do without that the snapshot lacks; such a snapshot is refused, not applied. */
    List<String> missingFields(S snapshot);

    /**
     * Takes any further lock the follow-up needs; the projector calls it first, before it locks the view's row.
     * The default takes none.
     */
    default void lockForFollowUp(S snapshot) {
    }

    /**
     * The locks of {@link #lockForFollowUp} for snapshots applied in one transaction ({@link SnapshotProjector#
     * projectAll}), all taken before the first view's row: a projection whose locks have an order (see the
     * routing's technology locks) overrides this to take them all in that order. The default takes each
     * snapshot's in turn.
     */
    default void lockForFollowUps(List<S> snapshots) {
        snapshots.forEach(this::lockForFollowUp);
    }

    /**
     * Maps the snapshot onto the view: creates it ({@code current} is null, the view of an aggregate not kept yet)
     * or changes {@code current} to show the snapshot. The projector then records the envelope's
     * {@code occurredAt} as the view's {@link ProjectedView#asOf} and persists a view it did not have.
     *
     * @return the view as it is now: {@code current} if there is one, else the new view, with its id set
     */
    V upsert(V current, S snapshot, EventEnvelope envelope);

    /** What {@link #followUp} compares; for a view not kept yet ({@code view} null) usually null. */
    default W watched(V view) {
        return null;
    }

    /**
     * The on-change hook: runs after each applied snapshot, in its transaction (a failure rolls the snapshot back
     * with it), with what was {@link #watched} before the upsert, so that it can act on what changed.
     */
    default void followUp(EventEnvelope envelope, S snapshot, V view, W before) {
    }

    /**
     * What the snapshots applied in one transaction cause together, done once: runs after every applied
     * snapshot's {@link #followUp}, in the same transaction, with those snapshots (not the ones ignored as older) in
     * the order they were applied; for a single event, with that one. The default does nothing.
     */
    default void followUpTogether(List<Applied<S>> applied) {
    }

    /** A snapshot the projector applied to its view, and the event that carried it. */
    record Applied<S>(EventEnvelope envelope, S snapshot) {
    }
}
