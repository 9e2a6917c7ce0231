package org.buildwithukraine.routing.network.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.factory.FactorySnapshot;
import org.buildwithukraine.events.licence.LicenceSnapshot;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.events.line.LineSnapshot;
import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.routing.network.FactoryView;
import org.buildwithukraine.routing.network.LicenceView;
import org.buildwithukraine.routing.network.LineView;
import org.buildwithukraine.routing.network.NetworkView;

/**
 * Keeps the router's own view of factories, licences and lines, from their events only: routing never asks
 * another service. Each snapshot replaces what was known, as {@code SnapshotProjector} decides (it also records
 * which snapshot a view shows and persists a new one); the time of a status change is the time of its event.
 * Every change also gives its technology (or, for a factory, all factories) a new version in
 * {@code network_version}, in the same transaction, which is how each replica's {@link NetworkLoader} knows that
 * its copy of the views is out of date, whichever replica applied the event.
 */
@ApplicationScoped
public class NetworkViews {

    private final EntityManager entityManager;
    private final Clock clock;

    public NetworkViews(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Creates the view ({@code current} null) or changes it to show the snapshot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FactoryView factory(FactoryView current, FactorySnapshot snapshot, Instant occurredAt) {
        FactoryView view = current;
        if (view == null) {
            view = new FactoryView();
            view.id = snapshot.id();
        }
        if (current == null || view.status != snapshot.status()) {
            view.statusSince = occurredAt;
        }
        view.kind = snapshot.kind();
        view.status = snapshot.status();
        view.statusReason = snapshot.statusReason();
        changed(NetworkVersions.FACTORIES);
        return applied(view);
    }

    /**
     * Also settles output the router counted before the licence service did: units it now reports as consumed
     * are no longer unconfirmed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LicenceView licence(LicenceView current, LicenceSnapshot snapshot, Instant occurredAt) {
        LicenceView view = current;
        String before = current == null ? null : current.technologyCode;
        if (view == null) {
            view = new LicenceView();
            view.id = snapshot.licenceId();
            view.statusSince = occurredAt;
        } else {
            long newlyConsumed = snapshot.unitsConsumed() - view.unitsConsumed;
            if (newlyConsumed > 0) {
                addUnconfirmedOutput(snapshot.factoryId(), snapshot.technologyCode(), -newlyConsumed);
            }
            if (view.status != snapshot.status()) {
                view.statusSince = occurredAt;
            }
        }
        view.technologyCode = snapshot.technologyCode();
        view.factoryId = snapshot.factoryId();
        view.activities = snapshot.activities().stream().map(Enum::name).sorted().toArray(String[]::new);
        view.quantityCap = snapshot.quantityCap();
        view.unitsConsumed = snapshot.unitsConsumed();
        view.validFrom = snapshot.validFrom();
        view.validTo = snapshot.validTo();
        view.exportTerritories = snapshot.exportTerritories() == null ? new String[0]
                : snapshot.exportTerritories().stream().sorted().toArray(String[]::new);
        view.status = snapshot.status();
        view.statusReason = snapshot.statusReason();
        changed(before, view.technologyCode);
        return applied(view);
    }

    /** The technology the line builds as far as the router knows, or null for a line it does not know yet. */
    public String technologyOf(String lineId) {
        List<String> technology = entityManager
                .createQuery("select technologyCode from LineView where id = :id", String.class)
                .setParameter("id", lineId).getResultList();
        return technology.isEmpty() ? null : technology.get(0);
    }

    /** Creates the view ({@code current} null) or changes it to show the snapshot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LineView line(LineView current, LineSnapshot snapshot) {
        LineView view = current;
        String before = current == null ? null : current.technologyCode;
        if (view == null) {
            view = new LineView();
            view.id = snapshot.lineId();
        }
        view.region = snapshot.region();
        view.factoryId = snapshot.factoryId();
        view.technologyCode = snapshot.technologyCode();
        view.capacityPerDay = snapshot.nominalCapacityPerDay();
        view.state = snapshot.state();
        view.downtimeReason = snapshot.downtimeReason();
        view.stateSince = snapshot.stateSince();
        changed(before, view.technologyCode);
        return applied(view);
    }

    /**
     * Good units the licence service will charge to the factory's licence for the technology, as it charges those
     * of days a granted licence covers; counted against quota until it confirms them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void output(OutputReported output) {
        LocalDate day = LocalDate.ofInstant(Objects.requireNonNullElse(output.observedAt(), clock.instant()),
                ZoneOffset.UTC);
        long covering = entityManager.createQuery("""
                select count(l) from LicenceView l where l.factoryId = :factory and l.technologyCode = :technology
                and l.status = :granted and l.validFrom <= :day and l.validTo >= :day""", Long.class)
                .setParameter("factory", output.factoryId())
                .setParameter("technology", output.technologyCode())
                .setParameter("granted", LicenceStatus.GRANTED)
                .setParameter("day", day)
                .getSingleResult();
        if (covering > 0 && output.goodUnits() > 0) {
            addUnconfirmedOutput(output.factoryId(), output.technologyCode(), output.goodUnits());
        }
    }

    /** The technology a line or licence belonged to before, if another, has changed as well. */
    private void changed(String technologyBefore, String technology) {
        if (technologyBefore != null && !technologyBefore.equals(technology)) {
            changed(NetworkVersions.technology(technologyBefore));
        }
        changed(NetworkVersions.technology(technology));
    }

    /** What every replica's {@link NetworkLoader} compares its copy of the views with, before each pass. */
    private void changed(String scope) {
        entityManager.createNativeQuery("""
                insert into network_version (scope, version) values (?1, nextval('network_version_seq'))
                on conflict (scope) do update set version = excluded.version""")
                .setParameter(1, scope)
                .executeUpdate();
    }

    private <V extends NetworkView> V applied(V view) {
        view.updatedAt = clock.instant();
        return view;
    }

    private void addUnconfirmedOutput(String factoryId, String technologyCode, long units) {
        entityManager.createNativeQuery("""
                insert into unconfirmed_output (factory_id, technology_code, units) values (?1, ?2, ?3)
                on conflict (factory_id, technology_code)
                do update set units = unconfirmed_output.units + excluded.units""")
                .setParameter(1, factoryId)
                .setParameter(2, technologyCode)
                .setParameter(3, units)
                .executeUpdate();
    }
}
