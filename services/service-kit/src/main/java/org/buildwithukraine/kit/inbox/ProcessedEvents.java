package org.buildwithukraine.kit.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers which events a consumer has applied, in the same transaction as the change they caused, so that a
 * redelivered event (at-least-once delivery, outbox resends) is recognised and skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * @return true the first time this consumer sees the event (apply it now); false for a redelivery
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        int inserted = entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, now())
                on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
