package org.buildwithukraine.licence.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.licence.Licence;
import org.buildwithukraine.licence.QuotaAllocation;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.Startup;

/**
 * Charges reported good units to the licences of the factory and technology that were GRANTED and in date on
 * the day of the output, the one that lapses first first. Each report is counted once, whatever the number of
 * deliveries; what no licence covers is kept in the ledger as unlicensed.
 *
 * <p>Created at start so that its counters are exported from zero: a counter that first appears with its first
 * increment hides that increment from Prometheus' rate().
 */
@Startup
@ApplicationScoped
public class QuotaLedger {

    private static final Logger LOG = Logger.getLogger(QuotaLedger.class);

    /** The licence that lapses first is used up first, so that quota does not go to waste. */
    private static final Comparator<Licence> ORDER_OF_USE = Comparator.<Licence, LocalDate>comparing(l -> l.validTo)
            .thenComparing(l -> l.grantedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(l -> l.id);

    private final EntityManager entityManager;
    private final LicenceService licences;
    private final LicenceConfig config;
    private final Clock clock;
    private final Counter licensedUnits;
    private final Counter unlicensedUnits;

    public QuotaLedger(EntityManager entityManager, LicenceService licences, LicenceConfig config, Clock clock,
            MeterRegistry registry) {
        this.entityManager = entityManager;
        this.licences = licences;
        this.config = config;
        this.clock = clock;
        this.licensedUnits = registry.counter("bwu.licence.quota.units.consumed");
        this.unlicensedUnits = registry.counter("bwu.licence.quota.units.unlicensed");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID eventId, String actor, OutputReported output) {
        LocalDate day = LocalDate.ofInstant(output.observedAt(), config.zone());
        // locked in id order, as the factory cascade locks them, so that the two never deadlock
        List<Licence> covering = Licence.<Licence>find(
                "factoryId = ?1 and technologyCode = ?2 and status = ?3 and validFrom <= ?4 and validTo >= ?4",
                Sort.by("id"), output.factoryId(), output.technologyCode(), LicenceStatus.GRANTED, day)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        List<Licence> inOrderOfUse = covering.stream().sorted(ORDER_OF_USE).toList();
        QuotaAllocation.Result result = QuotaAllocation.distribute(Math.max(0, output.goodUnits()),
                inOrderOfUse.stream()
                        .map(l -> new QuotaAllocation.Headroom(l.id, l.quantityCap, l.unitsConsumed)).toList());
        if (!claim(eventId, output, result.unlicensed())) {
            LOG.infof("Report %s of line %s was counted before; event %s ignored", output.reportId(),
                    output.lineId(), eventId);
            return;
        }
        Map<String, Licence> byId = covering.stream().collect(Collectors.toMap(l -> l.id, Function.identity()));
        String reason = "output report " + output.reportId() + " of line " + output.lineId();
        for (QuotaAllocation.Charge charge : result.charges()) {
            entityManager.createNativeQuery("insert into quota_charge (event_id, licence_id, units) values (?1, ?2, ?3)")
                    .setParameter(1, eventId)
                    .setParameter(2, charge.licenceId())
                    .setParameter(3, charge.units())
                    .executeUpdate();
            licences.consume(byId.get(charge.licenceId()), charge.consumedAfter(), charge.exhausts(), actor,
                    reason + ": " + charge.units() + " units");
            licensedUnits.increment(charge.units());
        }
        if (result.unlicensed() > 0) {
            unlicensedUnits.increment(result.unlicensed());
            LOG.warnf("%d good units of %s at factory %s (%s) are not covered by any licence", result.unlicensed(),
                    output.technologyCode(), output.factoryId(), reason);
        }
    }

    /** @return false when this event or this report is already in the ledger */
    private boolean claim(UUID eventId, OutputReported output, long unlicensed) {
        return entityManager.createNativeQuery("""
                insert into quota_ledger (event_id, line_id, report_id, factory_id, technology_code, observed_at,
                    good_units, units_unlicensed, recorded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                on conflict do nothing""")
                .setParameter(1, eventId)
                .setParameter(2, output.lineId())
                .setParameter(3, output.reportId())
                .setParameter(4, output.factoryId())
                .setParameter(5, output.technologyCode())
                .setParameter(6, output.observedAt())
                .setParameter(7, Math.max(0, output.goodUnits()))
                .setParameter(8, unlicensed)
                .setParameter(9, clock.instant())
                .executeUpdate() == 1;
    }
}
