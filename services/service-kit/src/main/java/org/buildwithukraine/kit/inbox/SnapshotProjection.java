package org.buildwithukraine.kit.inbox;

import java.time.Instant;
import java.util.List;

import org.buildwithukraine.events.EventEnvelope;

/**
 * One local read model kept from another service's snapshots (each event carries the whole aggregate as it is
 * after the change), as {@link SnapshotProjector} applies them. The projection says what its snapshots are and
 * how its view is stored; the projector decides when a snapshot is applied.
 *
 * @param <S> the snapshot (event payload) type
 * @param <V> the view (entity) kept from it
 * @param <W> what the follow-ups watch in the view, to compare before and after a snapshot
 */
public interface SnapshotProjection<S, V, W> {

    /** The name of this consumer in the inbox: unique per read model, stable forever. */
    String consumer();

    Class<S> snapshotType();

    /** Whether events of this type carry the snapshot; others are recorded as seen and passed over. */
    default boolean carriesSnapshot(String eventType) {
        return true;
    }

    /** The id of the aggregate the snapshot describes; it must be the envelope's aggregate id. */
    String key(S snapshot);

    /** Fields the view cannot do without that the snapshot lacks; such a snapshot is refused, not applied. */
    List<String> missingFields(S snapshot);

    /**
     * The view of the aggregate, locked until the transaction ends, or null if none is kept yet. Also takes any
     * further lock the follow-up needs, before the view changes.
     */
    V lock(S snapshot);

    /** The {@code occurredAt} of the snapshot the view shows; null for a view that does not know it. */
    Instant asOf(V view);

    /**
     * Creates the view ({@code current} is null) or changes it to show the snapshot, recording the envelope's
     * {@code occurredAt} as its {@link #asOf}.
     *
     * @return the view as it is now
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
}
