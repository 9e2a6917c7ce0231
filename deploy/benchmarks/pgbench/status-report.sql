-- The transaction of one status report with output, as production-line-service runs it (StatusReportService):
-- lock the line, look the reportId up, read the line's open allocations, insert the report, update the line,
-- insert the output event into the outbox. On copies of the service's tables (schema pgbench, see
-- status-reports.sh); :lines lines, a reportId of its own per transaction.
\set line random(1, :lines)
\set report random(1, 9000000000000000000)
BEGIN;
SELECT id, state, last_observed_at, version FROM pgbench.production_line WHERE id = 'PGB-' || :line FOR UPDATE;
SELECT id FROM pgbench.status_report WHERE line_id = 'PGB-' || :line AND report_id = 'r' || :report;
SELECT id, quantity, produced FROM pgbench.allocation
    WHERE line_id = 'PGB-' || :line AND status = 'OPEN' ORDER BY allocated_at, seq;
INSERT INTO pgbench.status_report (line_id, report_id, observed_at, received_at, state, good_units, scrap_units,
        current, unattributed_units, reported_by)
    VALUES ('PGB-' || :line, 'r' || :report, now(), now(), 'RUNNING', 1, 0, true, 1, 'service-account-mes-de-munich');
UPDATE pgbench.production_line SET last_report_id = 'r' || :report, last_observed_at = now(), updated_at = now(),
        version = version + 1
    WHERE id = 'PGB-' || :line;
INSERT INTO pgbench.outbox_event (event_id, topic, aggregate_id, event_type, envelope, occurred_at)
    VALUES (gen_random_uuid(), 'production.events', 'PGB-' || :line, 'LineOutputReported',
        jsonb_build_object('eventId', gen_random_uuid(), 'type', 'LineOutputReported', 'lineId', 'PGB-' || :line,
            'factoryId', 'de-munich', 'technologyCode', 'UA-FPV-7', 'reportId', 'r' || :report,
            'goodUnits', 1, 'scrapUnits', 0, 'observedAt', now(), 'allocations', jsonb_build_array()),
        now());
END;
