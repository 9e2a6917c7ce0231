-- Copies of production-line-service's tables for pgbench (status-report.sql): same columns, indexes and
-- constraints (LIKE ... INCLUDING ALL), in a schema of their own, so that the service's relay never sees the rows.
DROP SCHEMA IF EXISTS pgbench CASCADE;
CREATE SCHEMA pgbench;
CREATE TABLE pgbench.production_line (LIKE public.production_line INCLUDING ALL);
CREATE TABLE pgbench.status_report (LIKE public.status_report INCLUDING ALL);
CREATE TABLE pgbench.allocation (LIKE public.allocation INCLUDING ALL);
CREATE TABLE pgbench.outbox_event (LIKE public.outbox_event INCLUDING ALL);
-- LIKE copies no foreign keys: the report's reference to its line, checked on every insert, is added here
ALTER TABLE pgbench.status_report ADD CONSTRAINT pgbench_status_report_line
    FOREIGN KEY (line_id) REFERENCES pgbench.production_line (id);
INSERT INTO pgbench.production_line (id, factory_id, technology_code, nominal_capacity_per_day, state, state_since,
        registered_at, updated_at, version)
    SELECT 'PGB-' || n, 'de-munich', 'UA-FPV-7', 400, 'RUNNING', now(), now(), now(), 0
    FROM generate_series(1, :lines) AS n;
