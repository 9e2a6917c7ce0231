-- A decision names every line of the order's technology with its verdict: with a thousand lines that is a quarter
-- of a megabyte of JSON per decision, which PostgreSQL spent most of an order's placement parsing into jsonb. New
-- decisions keep their candidates as gzip-compressed JSON instead; records written before keep theirs as jsonb.
alter table routing_decision add column candidates_gzip bytea;
alter table routing_decision alter column candidates drop not null;
alter table routing_decision add constraint routing_decision_candidates_kept
    check (candidates is not null or candidates_gzip is not null);
