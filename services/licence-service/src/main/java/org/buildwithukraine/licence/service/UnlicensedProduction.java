package org.buildwithukraine.licence.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.licence.UnlicensedOutputRecorded.UnlicensedReason;
import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.kit.web.ListFilter;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.licence.UnlicensedOutput;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Sort;

/**
 * Output no licence covered: kept in its table, announced on licence.events (UnlicensedOutputRecorded) and
 * counted per factory and technology ({@code bwu_unlicensed_output_units_total}), in the transaction of the
 * ledger entry; and listed for the technology officers.
 */
@ApplicationScoped
public class UnlicensedProduction {

    static final String UNITS_METER = "bwu.unlicensed.output.units";

    private static final Logger LOG = Logger.getLogger(UnlicensedProduction.class);

    private final LicenceEvents events;
    private final MeterRegistry meters;
    private final Clock clock;

    public UnlicensedProduction(LicenceEvents events, MeterRegistry meters, Clock clock) {
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /** Filters of the officers' list; null for any. */
    public record Filter(String factoryId, String technologyCode) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID eventId, OutputReported output, long unlicensedUnits, UnlicensedReason reason,
            String reportedBy) {
        UnlicensedOutput record = UnlicensedOutput.of(eventId, output, unlicensedUnits, reason, reportedBy,
                clock.instant());
        record.persist();
        events.unlicensedOutput(record, reportedBy);
        meters.counter(UNITS_METER, "factory", output.factoryId(), "technology", output.technologyCode())
                .increment(unlicensedUnits);
        LOG.warnf("%d good units of %s at factory %s (report %s of line %s) are unlicensed: %s", unlicensedUnits,
                output.technologyCode(), output.factoryId(), output.reportId(), output.lineId(), reason);
    }

    /** Newest observation first. */
    public Page<UnlicensedOutput> list(Filter filter, PageRequest page) {
        ListFilter matching = ListFilter.where().equal("factoryId", filter.factoryId())
                .equal("technologyCode", filter.technologyCode());
        return page.fetch(matching, (query, parameters) -> UnlicensedOutput.find(query,
                Sort.by("observedAt", Sort.Direction.Descending).and("eventId"), parameters));
    }
}
