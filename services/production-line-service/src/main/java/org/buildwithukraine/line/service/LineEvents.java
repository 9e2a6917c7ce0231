package org.buildwithukraine.line.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.events.Topics;
import org.buildwithukraine.events.line.LineEventTypes;
import org.buildwithukraine.events.line.OutputReported;
import org.buildwithukraine.events.line.OutputReported.AllocationProgress;
import org.buildwithukraine.kit.outbox.Outbox;
import org.buildwithukraine.line.ProductionLine;
import org.buildwithukraine.line.Region;
import org.buildwithukraine.line.StatusReport;

/** Writes line events to the outbox, in the transaction of the change, keyed by line id. */
@ApplicationScoped
public class LineEvents {

    private final Outbox outbox;
    private final Region region;

    public LineEvents(Outbox outbox, Region region) {
        this.outbox = outbox;
        this.region = region;
    }

    public void registered(ProductionLine line, String actor) {
        outbox.record(Topics.LINE_STATUS, line.id(), LineEventTypes.REGISTERED, LineEventTypes.SCHEMA_VERSION, actor,
                line.snapshot(region.code()));
    }

    public void statusChanged(ProductionLine line, String actor) {
        outbox.record(Topics.LINE_STATUS, line.id(), LineEventTypes.STATUS_CHANGED, LineEventTypes.SCHEMA_VERSION,
                actor, line.snapshot(region.code()));
    }

    public void outputReported(ProductionLine line, StatusReport report, List<AllocationProgress> progress,
            String actor) {
        outbox.record(Topics.LINE_OUTPUT, line.id(), LineEventTypes.OUTPUT_REPORTED, LineEventTypes.SCHEMA_VERSION,
                actor, new OutputReported(line.id(), region.code(), line.factoryId(), line.technologyCode(),
                        report.reportId, report.observedAt, report.goodUnits, report.scrapUnits, progress));
    }
}
