package org.buildwithukraine.kit.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.kit.inbox.InboundEvents.UnreadableEventException;
import org.buildwithukraine.kit.inbox.SnapshotProjection.Applied;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

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
 * view's {@code asOf}, persists a view not kept before, and the projection's follow-up runs; then what the
 * applied snapshots cause together ({@link SnapshotProjection#followUpTogether}).</li>
 * </ol>
 * A channel that takes its records a poll at a time gives the poll to {@link #projectAll}: the same for each
 * record, all of them in one transaction ({@link EventBatches}).
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
    private final EventBatches batches;
    private final EntityManager entityManager;

    public SnapshotProjector(InboundEvents inbound, EventInbox inbox, EventBatches batches,
            EntityManager entityManager) {
        this.inbound = inbound;
        this.inbox = inbox;
        this.batches = batches;
        this.entityManager = entityManager;
    }

    public <S, V extends ProjectedView, W> void project(String json, SnapshotProjection<S, V, W> projection) {
        EventEnvelope envelope = inbound.parse(json);
        S snapshot = projection.carriesSnapshot(envelope.type()) ? readSnapshot(envelope, projection) : null;
        inbox.applyOnce(projection.consumer(), envelope, () -> {
            if (snapshot != null) {
                applyAll(List.of(new Pending<>(envelope, snapshot, Runnable::run)), projection);
            }
        });
    }

    /**
     * Projects the snapshots of one poll in one transaction ({@link EventBatches}: its inbox, retries, refusals
     * and parking per record): every follow-up lock first ({@link SnapshotProjection#lockForFollowUps}), then each
     * snapshot as {@link #project} applies one, in the order of the poll and in its event's span, then what they
     * cause together ({@link SnapshotProjection#followUpTogether}). Events that carry no snapshot are recorded in the
     * inbox and change nothing, as with {@link #project}.
     */
    public <S, V extends ProjectedView, W> CompletionStage<Void> projectAll(KafkaRecordBatch<String, String> batch,
            SnapshotProjection<S, V, W> projection) {
        return batches.applyOnce(projection.consumer(), batch,
                envelope -> Optional.of(new Carried<>(projection.carriesSnapshot(envelope.type())
                        ? readSnapshot(envelope, projection)
                        : null)),
                events -> applyAll(events.stream().filter(event -> event.payload().snapshot() != null)
                        .map(event -> new Pending<>(event.envelope(), event.payload().snapshot(), event::run))
                        .toList(), projection));
    }

    /**
     * What an event carries for the view: its snapshot, or none (null) for a type that carries none, recorded in
     * the inbox all the same, as {@link #project} records it.
     */
    private record Carried<S>(S snapshot) {
    }

    /** A snapshot to apply, and how to run its part with its event's span current. */
    private record Pending<S>(EventEnvelope envelope, S snapshot, Consumer<Runnable> inSpan) {
    }

    private <S, V extends ProjectedView, W> void applyAll(List<Pending<S>> pending,
            SnapshotProjection<S, V, W> projection) {
        if (pending.isEmpty()) {
            return;
        }
        projection.lockForFollowUps(pending.stream().map(Pending::snapshot).toList());
        List<Applied<S>> applied = new ArrayList<>(pending.size());
        for (Pending<S> snapshot : pending) {
            snapshot.inSpan().accept(() -> {
                if (apply(snapshot.envelope(), snapshot.snapshot(), projection)) {
                    applied.add(new Applied<>(snapshot.envelope(), snapshot.snapshot()));
                }
            });
        }
        if (!applied.isEmpty()) {
            projection.followUpTogether(applied);
        }
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

    /** @return false for a snapshot older than the view's, ignored */
    private <S, V extends ProjectedView, W> boolean apply(EventEnvelope envelope, S snapshot,
            SnapshotProjection<S, V, W> projection) {
        V current = entityManager.find(projection.viewType(), projection.key(snapshot),
                LockModeType.PESSIMISTIC_WRITE);
        Instant asOf = current == null ? null : current.asOf();
        if (asOf != null && envelope.occurredAt().isBefore(asOf)) {
            LOG.infof("%s: ignoring %s %s of %s, older than the state already known", projection.consumer(),
                    envelope.type(), envelope.eventId(), envelope.aggregateId());
            return false;
        }
        W before = projection.watched(current);
        V view = projection.upsert(current, snapshot, envelope);
        view.showSnapshotOf(envelope.occurredAt());
        if (current == null) {
            view.persist();
        }
        projection.followUp(envelope, snapshot, view, before);
        return true;
    }
}
