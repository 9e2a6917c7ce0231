package org.buildwithukraine.line.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.EventEnvelope;
import org.buildwithukraine.events.order.AllocationCancelled;
import org.buildwithukraine.events.order.AllocationCreated;
import org.buildwithukraine.events.order.AllocationEventTypes;
import org.buildwithukraine.kit.inbox.InboundEvents;
import org.buildwithukraine.kit.inbox.ProcessedEvents;
import org.buildwithukraine.line.Allocation;
import org.buildwithukraine.line.Region;
import org.jboss.logging.Logger;

/** Keeps the allocations of this region's lines as the order router announces them on order.allocations. */
@ApplicationScoped
public class AllocationService {

    static final String CONSUMER = "production-line.allocations";

    private static final Logger LOG = Logger.getLogger(AllocationService.class);

    private final Region region;
    private final InboundEvents inbound;
    private final ProcessedEvents processed;
    private final LineService lines;
    private final LineAccess access;

    public AllocationService(Region region, InboundEvents inbound, ProcessedEvents processed, LineService lines,
            LineAccess access) {
        this.region = region;
        this.inbound = inbound;
        this.processed = processed;
        this.lines = lines;
        this.access = access;
    }

    /** Applies one event of order.allocations; events of other regions' lines and redeliveries change nothing. */
    @Transactional
    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case AllocationEventTypes.CREATED -> created(event, inbound.payload(event, AllocationCreated.class));
            case AllocationEventTypes.CANCELLED ->
                cancelled(event, inbound.payload(event, AllocationCancelled.class));
            default -> LOG.debugf("Ignoring %s %s: not an allocation event", event.type(), event.eventId());
        }
    }

    public List<Allocation> forLine(String lineId) {
        access.requireAllocationRead(lines.require(lineId, LockModeType.NONE));
        return Allocation.list("lineId = ?1 order by allocatedAt, seq", lineId);
    }

    private void created(EventEnvelope event, AllocationCreated created) {
        if (!region.owns(created.lineId()) || !processed.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        if (Allocation.findById(created.allocationId()) != null) {
            // the router announced the same allocation again under a new event id
            return;
        }
        Allocation.open(created, event.occurredAt()).persist();
    }

    private void cancelled(EventEnvelope event, AllocationCancelled cancelled) {
        if (!region.owns(cancelled.lineId()) || !processed.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        // locked: a report attributing units at this moment either finishes first or sees it cancelled
        Allocation allocation = Allocation.findById(cancelled.allocationId(), LockModeType.PESSIMISTIC_WRITE);
        if (allocation == null) {
            LOG.warnf("Allocation %s cancelled but never created here; ignoring event %s",
                    cancelled.allocationId(), event.eventId());
            return;
        }
        allocation.cancel(cancelled.reason(), event.occurredAt());
    }
}
