package org.buildwithukraine.routing.network.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.routing.engine.Licence;
import org.buildwithukraine.routing.engine.Network;
import org.buildwithukraine.routing.network.FactoryView;
import org.buildwithukraine.routing.network.LicenceView;
import org.buildwithukraine.routing.network.LineView;
import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** Reads, for one routing pass, the part of the network one technology's orders can touch. */
@ApplicationScoped
public class NetworkLoader {

    /** The licence service uses up first the licence that lapses first. */
    private static final Comparator<LicenceView> ORDER_OF_USE = Comparator.<LicenceView, java.time.LocalDate>comparing(
            l -> l.validTo).thenComparing(l -> l.id);

    private final EntityManager entityManager;

    public NetworkLoader(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * @param otherLines     lines that hold the technology's work but may build something else by now
     * @param exportCentres  export centres of the orders in the pass
     */
    public Network forTechnology(String technologyCode, Collection<String> otherLines,
            Collection<String> exportCentres) {
        List<LineView> lines = new ArrayList<>(readOnly(LineView.find("technologyCode", technologyCode)));
        Set<String> missing = new TreeSet<>(otherLines);
        lines.forEach(line -> missing.remove(line.id));
        if (!missing.isEmpty()) {
            lines.addAll(readOnly(LineView.find("id in ?1", missing)));
        }
        List<LicenceView> licences = readOnly(LicenceView.find("technologyCode", technologyCode));

        Set<String> factoryIds = new TreeSet<>(exportCentres);
        lines.forEach(line -> factoryIds.add(line.factoryId));
        licences.forEach(licence -> factoryIds.add(licence.factoryId));
        List<FactoryView> factories = factoryIds.isEmpty() ? List.of()
                : readOnly(FactoryView.find("id in ?1", factoryIds));

        return Network.of(lines.stream().map(LineView::toEngine).toList(),
                factories.stream().map(FactoryView::toEngine).toList(),
                withUnconfirmedOutput(technologyCode, licences));
    }

    /**
     * The pass only reads the views: loaded read-only, a thousand rows leave no snapshots behind for every later
     * flush of the transaction to compare. A row the transaction has already changed stays as it is.
     */
    private static <T> List<T> readOnly(PanacheQuery<T> query) {
        return query.withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    /**
     * Counts output not yet confirmed by the licence service against the licences it will be charged to: those of
     * its factory that are granted, the one lapsing first first.
     */
    private List<Licence> withUnconfirmedOutput(String technologyCode, List<LicenceView> licences) {
        Map<String, Long> unconfirmed = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select factory_id, units from unconfirmed_output where technology_code = ?1")
                .setParameter(1, technologyCode).getResultList();
        rows.forEach(row -> unconfirmed.put((String) row[0], ((Number) row[1]).longValue()));

        Map<String, List<LicenceView>> byFactory = new LinkedHashMap<>();
        licences.stream().sorted(ORDER_OF_USE)
                .forEach(licence -> byFactory.computeIfAbsent(licence.factoryId, f -> new ArrayList<>()).add(licence));
        List<Licence> adjusted = new ArrayList<>();
        for (Map.Entry<String, List<LicenceView>> holder : byFactory.entrySet()) {
            long left = unconfirmed.getOrDefault(holder.getKey(), 0L);
            for (LicenceView licence : holder.getValue()) {
                long share = 0;
                if (left != 0 && licence.status == LicenceStatus.GRANTED) {
                    share = left < 0 ? left : Math.min(left, Math.max(0, licence.quantityCap - licence.unitsConsumed));
                    left -= share;
                }
                adjusted.add(licence.toEngine(share));
            }
        }
        return adjusted;
    }
}
