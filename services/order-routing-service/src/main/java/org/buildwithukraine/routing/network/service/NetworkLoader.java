package org.buildwithukraine.routing.network.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.routing.engine.Factory;
import org.buildwithukraine.routing.engine.Licence;
import org.buildwithukraine.routing.engine.Line;
import org.buildwithukraine.routing.engine.Network;
import org.buildwithukraine.routing.network.FactoryView;
import org.buildwithukraine.routing.network.LicenceView;
import org.buildwithukraine.routing.network.LineView;
import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * Reads, for one routing pass, the part of the network one technology's orders can touch.
 * <p>
 * The technology's lines and licences, and the factories, are kept in memory between passes, as immutable values
 * stamped with the version of their scope in {@code network_version} (V6) they were read at. Every pass first reads
 * the current versions of its technology and of the factories, in one statement, and reads again from the views
 * whatever scope's version is not the one its copy was stamped with. Whoever changes a view sets its scope's
 * version in the same transaction ({@link NetworkViews}), so a replica that did not apply an event sees the new
 * version once the event's transaction has committed, and never routes on its older copy; the versions are read
 * before the views, so a copy is never stamped newer than what it holds. Versions come from a sequence and never
 * repeat: a copy read in a transaction that rolls back carries a version no committed change will ever have.
 * Passes over one technology are serialised by its lock ({@code RoutingLocks}), so they never race for its copy.
 * <p>
 * Not kept: the lines of other technologies that still hold this one's work (rare, read by id each time) and the
 * output not yet confirmed by the licence service, which changes with every output report.
 */
@ApplicationScoped
public class NetworkLoader {

    /** The licence service uses up first the licence that lapses first. */
    private static final Comparator<Licence> ORDER_OF_USE = Comparator.comparing(Licence::validTo)
            .thenComparing(Licence::id);

    private final EntityManager entityManager;
    private final ConcurrentMap<String, Versioned<TechnologyViews>> technologies = new ConcurrentHashMap<>();
    private volatile Versioned<Map<String, Factory>> factories;

    public NetworkLoader(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A copy of some views, as they were at a version of their scope. */
    private record Versioned<T>(long version, T views) {
    }

    /** @param licences in the order the licence service uses them up */
    private record TechnologyViews(List<Line> lines, List<Licence> licences) {
    }

    /**
     * @param otherLines     lines that hold the technology's work but may build something else by now
     * @param exportCentres  export centres of the orders in the pass
     */
    public Network forTechnology(String technologyCode, Collection<String> otherLines,
            Collection<String> exportCentres) {
        Map<String, Long> versions = versions(technologyCode);
        TechnologyViews technology = technologyViews(technologyCode,
                versions.getOrDefault(NetworkVersions.technology(technologyCode), 0L));
        Map<String, Factory> knownFactories = factories(versions.getOrDefault(NetworkVersions.FACTORIES, 0L));

        List<Line> lines = new ArrayList<>(technology.lines());
        Set<String> missing = new TreeSet<>(otherLines);
        lines.forEach(line -> missing.remove(line.id()));
        if (!missing.isEmpty()) {
            readOnly(LineView.<LineView>find("id in ?1", missing)).forEach(line -> lines.add(line.toEngine()));
        }

        Set<String> factoryIds = new TreeSet<>(exportCentres);
        lines.forEach(line -> factoryIds.add(line.factoryId()));
        technology.licences().forEach(licence -> factoryIds.add(licence.factoryId()));
        return Network.of(lines, factoryIds.stream().map(knownFactories::get).filter(Objects::nonNull).toList(),
                withUnconfirmedOutput(technologyCode, technology.licences()));
    }

    private Map<String, Long> versions(String technologyCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select scope, version from network_version where scope in (?1, ?2)")
                .setParameter(1, NetworkVersions.technology(technologyCode))
                .setParameter(2, NetworkVersions.FACTORIES)
                .getResultList();
        Map<String, Long> versions = new HashMap<>();
        rows.forEach(row -> versions.put((String) row[0], ((Number) row[1]).longValue()));
        return versions;
    }

    private TechnologyViews technologyViews(String technologyCode, long version) {
        Versioned<TechnologyViews> kept = technologies.get(technologyCode);
        if (kept != null && kept.version() == version) {
            return kept.views();
        }
        List<Line> lines = readOnly(LineView.<LineView>find("technologyCode", technologyCode)).stream()
                .map(LineView::toEngine).toList();
        List<Licence> licences = readOnly(LicenceView.<LicenceView>find("technologyCode", technologyCode)).stream()
                .map(LicenceView::toEngine).sorted(ORDER_OF_USE).toList();
        TechnologyViews views = new TechnologyViews(lines, licences);
        technologies.put(technologyCode, new Versioned<>(version, views));
        return views;
    }

    private Map<String, Factory> factories(long version) {
        Versioned<Map<String, Factory>> kept = factories;
        if (kept != null && kept.version() == version) {
            return kept.views();
        }
        Map<String, Factory> all = new HashMap<>();
        readOnly(FactoryView.<FactoryView>findAll()).forEach(factory -> all.put(factory.id, factory.toEngine()));
        Map<String, Factory> views = Map.copyOf(all);
        factories = new Versioned<>(version, views);
        return views;
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
    private List<Licence> withUnconfirmedOutput(String technologyCode, List<Licence> licences) {
        Map<String, Long> unconfirmed = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select factory_id, units from unconfirmed_output where technology_code = ?1")
                .setParameter(1, technologyCode).getResultList();
        rows.forEach(row -> unconfirmed.put((String) row[0], ((Number) row[1]).longValue()));

        Map<String, List<Licence>> byFactory = new LinkedHashMap<>();
        licences.forEach(licence -> byFactory.computeIfAbsent(licence.factoryId(), f -> new ArrayList<>())
                .add(licence));
        List<Licence> adjusted = new ArrayList<>();
        for (Map.Entry<String, List<Licence>> holder : byFactory.entrySet()) {
            long left = unconfirmed.getOrDefault(holder.getKey(), 0L);
            for (Licence licence : holder.getValue()) {
                long share = 0;
                if (left != 0 && licence.status() == LicenceStatus.GRANTED) {
                    share = left < 0 ? left
                            : Math.min(left, Math.max(0, licence.quantityCap() - licence.unitsConsumed()));
                    left -= share;
                }
                adjusted.add(licence.counting(share));
            }
        }
        return adjusted;
    }
}
