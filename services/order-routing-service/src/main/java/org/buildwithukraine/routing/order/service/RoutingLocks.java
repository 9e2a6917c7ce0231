package org.buildwithukraine.routing.order.service;

import java.util.Collection;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises routing in the database, so that it holds for any number of replicas: every transaction that reads
 * or changes what a technology's lines and licences are committed to holds that technology's advisory lock until it
 * commits, so two passes never both see the same free capacity or quota. A technology's lines and licences belong
 * to it alone, so passes over different technologies run in parallel.
 * <p>
 * Factory changes touch lines of several technologies and export orders of any: they take the whole network
 * exclusively, every routing pass takes it shared first. Technologies are locked in name order, so two
 * transactions never wait for each other in a circle.
 */
@ApplicationScoped
public class RoutingLocks {

    /** Arbitrary but fixed: "the routing network" among the advisory locks of the routing database. */
    static final long NETWORK_KEY = 0x726f_7574_696e_675fL;
    /** First half of the two-part key of a technology's lock; the second is the hash of its code. */
    static final int TECHNOLOGY_SPACE = 0x7465_6368;

    private final EntityManager entityManager;

    public RoutingLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void technologies(Collection<String> technologyCodes) {
        entityManager.createNativeQuery("select 1 from pg_advisory_xact_lock_shared(?1)")
                .setParameter(1, NETWORK_KEY).getSingleResult();
        for (String technology : new TreeSet<>(technologyCodes)) {
            entityManager.createNativeQuery("select 1 from pg_advisory_xact_lock(?1, hashtext(?2))")
                    .setParameter(1, TECHNOLOGY_SPACE).setParameter(2, technology).getSingleResult();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void wholeNetwork() {
        entityManager.createNativeQuery("select 1 from pg_advisory_xact_lock(?1)")
                .setParameter(1, NETWORK_KEY).getSingleResult();
    }
}
