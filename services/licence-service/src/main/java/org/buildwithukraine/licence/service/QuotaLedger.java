package org.buildwithukraine.licence.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.licence.Licence;
import org.buildwithukraine.licence.OutputCoverage;
import org.buildwithukraine.licence.QuotaAllocation;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Charges reported good units to the licences that covered them when they were observed ({@link OutputCoverage}:
 * GRANTED at that instant by the audit trail, in date that day, for the technology, permitting PRODUCE), the one
 * that ends soonest first. Each report is counted once, whatever the number of deliveries; what no licence covers
 * is unlicensed production ({@link UnlicensedProduction}).
 *
 * <p>Created at start so that its counters are exported from zero: a counter that first appears with its first
 * increment hides that increment from Prometheus' rate().
 */
@Startup
@ApplicationScoped
public class QuotaLedger {

    private static final Logger LOG = Logger.getLogger(QuotaLedger.class);
    /** The actor of a consumption announced for charges that several callers' reports made. */
    static final String SEVERAL_ACTORS = "system:quota-ledger";

    private final EntityManager entityManager;
    private final LicenceLocks locks;
    private final LicenceService licences;
    private final AuditTrail audit;
    private final UnlicensedProduction unlicensed;
    private final LicenceConfig config;
    private final Clock clock;
    private final Counter licensedUnits;

    public QuotaLedger(EntityManager entityManager, LicenceLocks locks, LicenceService licences, AuditTrail audit,
            UnlicensedProduction unlicensed, LicenceConfig config, Clock clock, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.locks = locks;
        this.licences = licences;
        this.audit = audit;
        this.unlicensed = unlicensed;
        this.config = config;
        this.clock = clock;
        this.licensedUnits = registry.counter("bwu.licence.quota.units.consumed");
    }

    /** A poll's charges, made in the caller's transaction; {@link Poll#announce} once they are all made. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Poll poll() {
        return new Poll();
    }

    /**
     * The charges of the output events applied together (a Kafka poll), in one transaction. Two things are done
     * once for the lot rather than per event: the licences of a factory and technology in date on a day are
     * locked and loaded once (they stay locked until the commit, so they are the same for every later event), and
     * the licences' consumption is announced once per licence ({@link #announce}), the snapshot saying where the
     * poll's charges left it: the router and the console read a licence's state, not its charges, which the audit
     * trail keeps one by one. An exhaustion is announced at once, and stands for the charges before it.
     */
    public final class Poll {

        private record InDate(String factoryId, String technologyCode, LocalDate day) {
        }

        private final Map<InDate, List<Licence>> inDate = new HashMap<>();
        /** Licences charged and not exhausted since, and the actors of their charges, in the order charged. */
        private final Map<String, Unannounced> unannounced = new LinkedHashMap<>();

        private record Unannounced(Licence licence, Set<String> actors) {
        }

        private Poll() {
        }

        public void record(UUID eventId, String actor, OutputReported output) {
            LocalDate day = LocalDate.ofInstant(output.observedAt(), config.zone());
            // whatever their status now: what counts is the status when the units were made. Locked in id order,
            // as the factory cascade locks them, so that the two never deadlock
            List<Licence> candidates = inDate.computeIfAbsent(
                    new InDate(output.factoryId(), output.technologyCode(), day),
                    key -> locks.inDate(key.factoryId(), key.technologyCode(), key.day()));
            Map<String, LicenceStatus> statusWhenObserved = audit.statusesAt(
                    candidates.stream().map(Licence::id).toList(), output.observedAt());
            OutputCoverage.Result result = OutputCoverage.charge(Math.max(0, output.goodUnits()), day,
                    candidates.stream().map(l -> new OutputCoverage.Candidate(l.id(), l.activities(), l.validFrom(),
                            l.validTo(), statusWhenObserved.get(l.id()), l.grantedAt(), l.quantityCap(),
                            l.unitsConsumed())).toList());
            long unlicensedUnits = result.allocation().unlicensed();
            if (!claim(eventId, output, unlicensedUnits)) {
                LOG.infof("Report %s of line %s was counted before; event %s ignored", output.reportId(),
                        output.lineId(), eventId);
                return;
            }
            Map<String, Licence> byId = candidates.stream()
                    .collect(Collectors.toMap(Licence::id, Function.identity()));
            String reason = "output report " + output.reportId() + " of line " + output.lineId();
            for (QuotaAllocation.Charge charge : result.allocation().charges()) {
                entityManager.createNativeQuery(
                        "insert into quota_charge (event_id, licence_id, units) values (?1, ?2, ?3)")
                        .setParameter(1, eventId)
                        .setParameter(2, charge.licenceId())
                        .setParameter(3, charge.units())
                        .executeUpdate();
                Licence licence = byId.get(charge.licenceId());
                if (licences.consume(licence, charge.consumedAfter(), charge.exhausts(), actor,
                        reason + ": " + charge.units() + " units")) {
                    unannounced.remove(licence.id());
                } else {
                    unannounced.computeIfAbsent(licence.id(), id -> new Unannounced(licence, new HashSet<>()))
                            .actors().add(actor);
                }
                licensedUnits.increment(charge.units());
            }
            if (unlicensedUnits > 0) {
                unlicensed.record(eventId, output, unlicensedUnits, result.unlicensedReason(), actor);
            }
        }

        /**
         * One LicenceQuotaConsumed per licence charged and not exhausted since, in the order first charged; its
         * actor is the one who reported all its charges, or the ledger's own when they came from several.
         */
        public void announce() {
            unannounced.values().forEach(charged -> licences.announceConsumption(charged.licence(),
                    charged.actors().size() == 1 ? charged.actors().iterator().next() : SEVERAL_ACTORS));
            unannounced.clear();
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
