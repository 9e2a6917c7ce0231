package org.buildwithukraine.kit.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.kit.inbox.InboundEvents.UnreadableEventException;
import org.jboss.logging.Logger;

/**
 * Keeps a local read model from snapshots on a topic, the one way every service does it. For each record:
 * <ol>
 * <li>the envelope is read and its schema version checked ({@link InboundEvents}); for a type that carries the
 * snapshot, the snapshot is read and must describe the envelope's aggregate, have every field the view needs and
 * an {@code occurredAt}: otherwise it is refused ({@link UnreadableEventException}) before anything changes, and
 * the channel parks it in its dead-letter topic with the reason;</li>
 * <li>in one transaction of its own ({@link EventInbox}: {@link InboundTransactions}' retries, the inbox): the
 * event is recorded as seen, and only on its first delivery the follow-up's own locks are taken
 * ({@link SnapshotProjection#lockForFollowUp}) and the view's row is locked ({@code PESSIMISTIC_WRITE}, by the
 * aggregate id); a snapshot older (by {@code occurredAt}) than the one the view shows
 * ({@link ProjectedView#asOf}) is ignored, so that a late resend never undoes a newer state; otherwise the
 * projection maps the snapshot onto the view, the projector records the envelope's {@code occurredAt} as the
 * view's {@code asOf}, persists a view not kept before, and the projection's follow-up runs.</li>
 * </ol>
 * Guarantee: each readable event is applied once per read model (a redelivery is skipped), a refused one never;
 * the view only moves forward in time; the view, its follow-ups and the inbox record commit together or not at
 * all. Failure modes: a snapshot of the same {@code occurredAt} as the view's is applied (events of one aggregate
 * share a partition, so that is the later one); {@code occurredAt} is the producer's clock, so producers of one
 * aggregate whose clocks disagree can make a newer snapshot look older and be ignored; a refused event is applied
 * only if someone replays it from the dead-letter topic; a view kept before it recorded an {@code occurredAt}
 * takes the next snapshot whatever its time.
 */
@ApplicationScoped
public class SnapshotProjector {

    private static final Logger LOG = Logger.getLogger(SnapshotProjector.class);

    private final InboundEvents inbound;
    private final EventInbox inbox;
    private final EntityManager entityManager;

    public SnapshotProjector(InboundEvents inbound, EventInbox inbox, EntityManager entityManager) {
        this.inbound = inbound;
        this.inbox = inbox;
        this.entityManager = entityManager;
    }

    public <S, V extends ProjectedView, W> void project(String json, SnapshotProjection<S, V, W> projection) {
        EventEnvelope envelope = inbound.parse(json);
        S snapshot = projection.carriesSnapshot(envelope.type()) ? readSnapshot(envelope, projection) : null;
        inbox.applyOnce(projection.consumer(), envelope, () -> {
            if (snapshot != null) {
                apply(envelope, snapshot, projection);
            }
        });
    }

    private <S, V extends ProjectedView, W> S readSnapshot(EventEnvelope envelope,
            SnapshotProjection<S, V, W> projection) {
        S snapshot = inbound.payload(envelope, projection.snapshotType());
        List<String> faults = new ArrayList<>(projection.missingFields(snapshot));
        if (!envelope.aggregateId().equals(projection.key(snapshot))) {
            faults.add("id (must be the aggregate id " + envelope.aggregateId() + ")");
        }
        if (envelope.occurredAt() == null) {
            faults.add("occurredAt");
        }
        if (!faults.isEmpty()) {
            throw new UnreadableEventException(envelope.type() + " " + envelope.eventId()
                    + " cannot be applied; missing or wrong: " + String.join(", ", faults));
        }
        return snapshot;
    }

    private <S, V extends ProjectedView, W> void apply(EventEnvelope envelope, S snapshot,
            SnapshotProjection<S, V, W> projection) {
        projection.lockForFollowUp(snapshot);
        V current = entityManager.find(projection.viewType(), projection.key(snapshot),
                LockModeType.PESSIMISTIC_WRITE);
        Instant asOf = current == null ? null : current.asOf();
        if (asOf != null && envelope.occurredAt().isBefore(asOf)) {
            LOG.infof("%s: ignoring %s %s of %s, older than the state already known", projection.consumer(),
                    envelope.type(), envelope.eventId(), envelope.aggregateId());
            return;
        }
        W before = projection.watched(current);
        V view = projection.upsert(current, snapshot, envelope);
        view.showSnapshotOf(envelope.occurredAt());
        if (current == null) {
            view.persist();
        }
        projection.followUp(envelope, snapshot, view, before);
    }
}
