package org.buildwithukraine.licence.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.licence.Licence;

import io.quarkus.panache.common.Sort;

/**
 * Licences locked for the rest of the transaction, so that every change of one licence (an officer's decision or
 * amendment, the ledger's charge, the factory cascade) takes its turn: the rows are locked first, with a plain
 * {@code select ... for update} in id order (the order every path locks them in, so two never wait for each other
 * in a circle), and only then loaded. Loaded after the lock, a licence is the one the previous holder committed,
 * and its version is the one this transaction's update will name.
 * <p>
 * Hibernate's own pessimistic lock on a licence (an entity with element collections) did not give that: under a
 * race with the ledger, an officer's change was written over a version another transaction had moved on, and
 * failed at commit with a stale-state error (QuotaLedgerConcurrencyTest). A licence already loaded earlier in the
 * same transaction would not be read again either, so callers lock before they read anything of the licence.
 */
@ApplicationScoped
public class LicenceLocks {

    private final EntityManager entityManager;

    public LicenceLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Licence> one(String id) {
        List<String> locked = ids(entityManager.createNativeQuery(
                "select id from licence where id = ?1 for update").setParameter(1, id).getResultList());
        return locked.isEmpty() ? Optional.empty() : Optional.of(Licence.findById(id));
    }

    /** The licences of a factory for a technology whose validity includes {@code day}, in id order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Licence> inDate(String factoryId, String technologyCode, LocalDate day) {
        return load(ids(entityManager.createNativeQuery("""
                select id from licence
                where factory_id = ?1 and technology_code = ?2 and valid_from <= ?3 and valid_to >= ?3
                order by id for update""")
                .setParameter(1, factoryId).setParameter(2, technologyCode).setParameter(3, day)
                .getResultList()));
    }

    /** The licences of a factory in one of {@code statuses}, in id order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Licence> ofFactory(String factoryId, Collection<LicenceStatus> statuses) {
        return load(ids(entityManager.createNativeQuery("""
                select id from licence where factory_id = :factory and status in (:statuses) order by id for update""")
                .setParameter("factory", factoryId)
                .setParameter("statuses", statuses.stream().map(Enum::name).toList())
                .getResultList()));
    }

    private static List<Licence> load(List<String> ids) {
        return ids.isEmpty() ? List.of() : Licence.list("id in ?1", Sort.by("id"), ids);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(List<?> rows) {
        return (List<String>) rows;
    }
}
